// Preloaded into Electronegativity: it looks up Electron's release list online and, where there is
// no network, crashes from a timer in its HTTP client (sometimes before writing its report).
// Those errors are reported and ignored; anything else still crashes.
process.on('uncaughtException', (error) => {
  const text = String(error && error.stack);
  if (/p-cancelable|[\\/]got[\\/]|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|fetch/i.test(text)) {
    process.stderr.write(`electronegativity: offline, skipping the release check (${error.message})\n`);
    return;
  }
  throw error;
});

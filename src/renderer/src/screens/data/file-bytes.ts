/** A file the user picked, as base64 for the contract (the core decodes it: CSV encodings are found there). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode(...bytes) of a whole file would overflow the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** What kind of import a file is: the JSON journal format, or a table. */
export function importKind(file: { name: string; type: string }): 'json' | 'csv' {
  return /\.json$/i.test(file.name) || file.type === 'application/json' ? 'json' : 'csv';
}

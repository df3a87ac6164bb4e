import { OpportunitiesScreen } from './screens/opportunities/OpportunitiesScreen';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">Afterword</h1>
        <p className="tagline">The follow-up after every interview.</p>
      </header>
      <main className="app-main">
        <OpportunitiesScreen />
      </main>
    </div>
  );
}

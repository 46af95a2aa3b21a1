export function Checklist() {
  return (
    <section aria-label="Unload checklist" className="panel p-3">
      Checklist
    </section>
  );
}

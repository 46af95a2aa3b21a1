export function Inspector() {
  return (
    <section aria-label="Inspector" className="panel p-3">
      Inspector
    </section>
  );
}

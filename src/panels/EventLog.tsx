export function EventLog() {
  return (
    <section aria-label="Event log" className="panel p-3">
      Event log
    </section>
  );
}

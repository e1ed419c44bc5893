/**
 * A move's worth in a narrow column: "+$0.308M ± $0.006M" may break before
 * its standard error, never inside a figure (the text stays the same).
 */
export function Worth({ text }: { text: string }) {
  const at = text.indexOf(' ± ');
  if (at < 0) return <>{text}</>;
  return (
    <>
      <span className="worth-part">{text.slice(0, at)}</span> <span className="worth-part">{text.slice(at + 1)}</span>
    </>
  );
}

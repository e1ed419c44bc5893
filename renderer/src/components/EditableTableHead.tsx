/**
 * The header row of an editable table: its columns, then a last column for
 * each row's buttons, named "Actions" for screen readers only.
 */
export function EditableTableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c} scope="col">
            {c}
          </th>
        ))}
        <th scope="col">
          <span className="visually-hidden">Actions</span>
        </th>
      </tr>
    </thead>
  );
}

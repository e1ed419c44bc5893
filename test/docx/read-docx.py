# Reads a .docx back with python-docx (Debian's python3-docx) and prints JSON:
# body paragraphs, table cells (row by row), header and footer text, and the
# tracked insertions and deletions with their authors. Used by the document tests.
import json
import sys

import docx
from docx.oxml.ns import qn

path = sys.argv[1]
document = docx.Document(path)


def paragraph_text(p):
    # python-docx 0.8 skips runs inside w:ins; a reader sees them, so include them (but not deleted text).
    return "".join(t.text or "" for t in p._p.iter(qn("w:t")))


body = [paragraph_text(p) for p in document.paragraphs]
tables = [[[paragraph_text(p) for cell in row.cells for p in cell.paragraphs] for row in table.rows] for table in document.tables]
section = document.sections[0]
headers = [paragraph_text(p) for p in section.header.paragraphs]
footers = [paragraph_text(p) for p in section.footer.paragraphs]
root = document.element
insertions = [{"author": e.get(qn("w:author")), "date": e.get(qn("w:date")), "text": "".join(t.text or "" for t in e.iter(qn("w:t")))} for e in root.iter(qn("w:ins"))]
deletions = [{"author": e.get(qn("w:author")), "date": e.get(qn("w:date")), "text": "".join(t.text or "" for t in e.iter(qn("w:delText")))} for e in root.iter(qn("w:del"))]
styles = sorted({p.style.name for p in document.paragraphs if p.style is not None})
print(json.dumps({"body": body, "tables": tables, "headers": headers, "footers": footers, "insertions": insertions, "deletions": deletions, "styles": styles}))

# Opens .docx files in LibreOffice itself (headless, through Python-UNO), optionally
# runs Accept All or Reject All on their tracked changes exactly as a lawyer would
# from the Edit > Track Changes menu, and prints JSON: for each file, every
# paragraph and every table cell of the body in reading order (style, list label,
# text) and how many tracked changes are left.
#
# Usage: lo-revisions.py MODE:FILE.docx [MODE:FILE.docx ...]   MODE is plain, accept or reject.
# One LibreOffice process serves all files (it starts slowly), with a private profile.
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def start_office():
    profile = tempfile.mkdtemp(prefix="dw-lo-uno-")
    pipe = "dwuno%d" % os.getpid()
    proc = subprocess.Popen(
        [
            "soffice",
            "-env:UserInstallation=file://" + profile,
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 90
    while True:
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            return proc, profile, ctx
        except Exception:
            if time.time() > deadline or proc.poll() is not None:
                raise
            time.sleep(0.25)


def label(paragraph):
    try:
        return paragraph.getPropertyValue("ListLabelString") or ""
    except Exception:
        return ""


def items(text):
    out = []
    enum = text.createEnumeration()
    while enum.hasMoreElements():
        element = enum.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph"):
            out.append({"kind": "p", "style": element.getPropertyValue("ParaStyleName"), "label": label(element), "text": element.getString()})
        elif element.supportsService("com.sun.star.text.TextTable"):
            rows = element.getRows().getCount()
            cols = element.getColumns().getCount()
            for r in range(rows):
                for c in range(cols):
                    name = element.getCellByPosition(c, r)
                    out.append({"kind": "cell", "style": "", "label": "", "text": name.getString()})
    return out


def main(specs):
    proc, profile, ctx = start_office()
    results = []
    try:
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        for spec in specs:
            mode, path = spec.split(":", 1)
            url = uno.systemPathToFileUrl(os.path.abspath(path))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            try:
                if mode in ("accept", "reject"):
                    frame = doc.getCurrentController().getFrame()
                    command = ".uno:AcceptAllTrackedChanges" if mode == "accept" else ".uno:RejectAllTrackedChanges"
                    dispatcher.executeDispatch(frame, command, "", 0, ())
                left = doc.getRedlines().getCount()
                results.append({"file": path, "mode": mode, "redlinesLeft": left, "items": items(doc.getText())})
            finally:
                doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=20)
        except Exception:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1:])

#!/usr/bin/python3
"""LibreOffice as an outside judge of DOCX files, driven over UNO.

Run with /usr/bin/python3 (the interpreter Debian's python3-uno installs `uno` for). Starts one headless
soffice with a private profile and a private pipe, then answers JSON requests, one per line on stdin,
with one JSON line on stdout each: {"ok": true, ...} or {"ok": false, "error": "..."}.

Requests (paths are absolute):
  {"op": "text", "path": P, "changes": "accept"|"reject"|"keep"}
      -> {"blocks": [...]} the document's paragraphs and table cells in reading order, after
         dispatching .uno:AcceptAllTrackedChanges / .uno:RejectAllTrackedChanges (or neither)
  {"op": "revisions", "path": P} -> {"revisions": [{"type", "author", "date"}]} (doc.Redlines)
  {"op": "redline", "path": P} -> {"shown", "accepted", "rejected": blocks, "revisions": [...]}: all of the
      above for one redline in two loads (what a judge of a redline needs)
  {"op": "edit", "path": P, "out": O, "author": A, "replacements": [[old, new], ...], "comments": [[anchor, text], ...],
   "deleteParagraphs": [anchor, ...], "insertParagraphs": [[anchor, text], ...], "insertRows": [[anchor, [cell, ...]], ...],
   "deleteRows": [anchor, ...], "record": true, "replaceAll": false, "matchCase": false}
      (a replacement [old, new, n] replaces the n-th occurrence, from 0)
      -> records changes (doc.RecordChanges; record=false: untracked) as author A, replaces text (the first
         occurrence, or every one with replaceAll), deletes the paragraphs holding each anchor, inserts a
         paragraph after the one holding each anchor, inserts a table row after / deletes the row holding each
         anchor (.uno:InsertRowsAfter / .uno:DeleteRows, as a user does), adds dated comments, saves O as Word 2007
  {"op": "compare", "original": P, "modified": M, "out": O, "author": A}
      -> LibreOffice's own Compare Document (.uno:CompareDocuments) of M against P, saved as Word 2007 to O
  {"op": "quit"}
Why a long-lived process: soffice takes seconds to start, a request takes tens of milliseconds.
"""
import ctypes
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

SOFFICE_BIN = os.environ.get("CONTRACTS_SOFFICE_BIN", "/usr/lib/libreoffice/program/soffice.bin")
START_TIMEOUT_S = 60
RESTART_EXIT = 81  # soffice.bin asks to be restarted after it created a fresh profile


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def die_with_parent():
    # soffice must not outlive this harness, whatever kills it.
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    os.setsid()


class Office:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="contracts-lo-")
        self.pipe = "contracts_lo_%d_%d" % (os.getpid(), int(time.time() * 1000))
        self.proc = None
        self.desktop = None
        self.ctx = None

    def start(self):
        deadline = time.time() + START_TIMEOUT_S
        self._spawn()
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe
        while True:
            code = self.proc.poll()
            if code == RESTART_EXIT:
                self._spawn()
            elif code is not None:
                raise RuntimeError("soffice exited with status %d before accepting connections" % code)
            try:
                self.ctx = resolver.resolve(url)
                break
            except NoConnectException:
                if time.time() > deadline:
                    raise RuntimeError("soffice did not accept a connection within %d s" % START_TIMEOUT_S)
                time.sleep(0.1)
        smgr = self.ctx.ServiceManager
        self.desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
        self.dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", self.ctx)

    def _spawn(self):
        args = [
            SOFFICE_BIN,
            "-env:UserInstallation=" + uno.systemPathToFileUrl(self.profile),
            "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe,
            "--headless",
            "--invisible",
            "--nologo",
            "--nodefault",
            "--norestore",
            "--nolockcheck",
            "--nofirststartwizard",
        ]
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=die_with_parent)

    def stop(self):
        try:
            if self.desktop is not None:
                self.desktop.terminate()
        except Exception:
            pass  # the bridge drops as soffice exits
        if self.proc is not None:
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    def set_author(self, name):
        """Tracked changes and comments are attributed to the profile's user name."""
        provider = self.ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", self.ctx)
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess", (prop("nodepath", "/org.openoffice.UserProfile/Data"),)
        )
        access.setPropertyValue("givenname", name)
        access.setPropertyValue("sn", "")
        access.commitChanges()

    def load(self, path):
        doc = self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (prop("Hidden", True),))
        if doc is None:
            raise RuntimeError("LibreOffice could not open %s" % path)
        return doc

    def dispatch(self, doc, command, *args):
        frame = doc.getCurrentController().getFrame()
        self.dispatcher.executeDispatch(frame, command, "", 0, tuple(args))

    def dispatch_at(self, doc, text_range, command):
        """A UI command with the cursor in `text_range` (row commands are tracked only when run as the user runs them)."""
        controller = doc.getCurrentController()
        controller.getViewCursor().gotoRange(text_range.getStart(), False)
        self.dispatch(doc, command)

    def save_word(self, doc, out):
        doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", "MS Word 2007 XML"),))


PARAGRAPH_BREAK = 0  # com.sun.star.text.ControlCharacter.PARAGRAPH_BREAK


def uno_now():
    """The current time as a UNO DateTime (comments carry the date they were written)."""
    now = time.gmtime()
    d = uno.createUnoStruct("com.sun.star.util.DateTime")
    d.Year, d.Month, d.Day, d.Hours, d.Minutes, d.Seconds = now.tm_year, now.tm_mon, now.tm_mday, now.tm_hour, now.tm_min, now.tm_sec
    return d


def blocks_of(text):
    """Paragraph strings and table-cell strings in reading order (cells row by row, nested text flattened)."""
    out = []
    enum = text.createEnumeration()
    while enum.hasMoreElements():
        element = enum.nextElement()
        if element.supportsService("com.sun.star.text.TextTable"):
            for name in cell_order(element):
                out.extend(blocks_of(element.getCellByName(name).getText()))
        else:
            out.append(element.getString())
    return out


def row_of(cell):
    """The 0-based row of a table cell from its name (`B3` is row 2)."""
    return int("".join(c for c in cell.CellName.split(".")[0] if c.isdigit())) - 1


def cell_order(table):
    def key(name):
        letters = "".join(c for c in name.split(".")[0] if c.isalpha())
        digits = "".join(c for c in name.split(".")[0] if c.isdigit())
        column = 0
        for c in letters:
            column = column * 52 + (ord(c) - (65 if c.isupper() else 71))
        return (int(digits or 0), column, name)

    return sorted(table.getCellNames(), key=key)


def revisions_of(doc):
    out = []
    enum = doc.getRedlines().createEnumeration()
    while enum.hasMoreElements():
        r = enum.nextElement()
        d = r.getPropertyValue("RedlineDateTime")
        out.append(
            {
                "type": r.getPropertyValue("RedlineType"),
                "author": r.getPropertyValue("RedlineAuthor"),
                "date": "%04d-%02d-%02dT%02d:%02d:%02d" % (d.Year, d.Month, d.Day, d.Hours, d.Minutes, d.Seconds),
            }
        )
    return out


def handle(office, request):
    op = request.get("op")
    if op == "text":
        doc = office.load(request["path"])
        try:
            changes = request.get("changes", "keep")
            if changes == "accept":
                office.dispatch(doc, ".uno:AcceptAllTrackedChanges")
            elif changes == "reject":
                office.dispatch(doc, ".uno:RejectAllTrackedChanges")
            return {"blocks": blocks_of(doc.getText()), "pending": doc.getRedlines().createEnumeration().hasMoreElements()}
        finally:
            doc.close(True)
    if op == "redline":
        doc = office.load(request["path"])
        try:
            reply = {"shown": blocks_of(doc.getText()), "revisions": revisions_of(doc)}
            office.dispatch(doc, ".uno:AcceptAllTrackedChanges")
            reply["accepted"] = blocks_of(doc.getText())
            reply["pendingAfterAccept"] = doc.getRedlines().createEnumeration().hasMoreElements()
        finally:
            doc.close(True)
        doc = office.load(request["path"])
        try:
            office.dispatch(doc, ".uno:RejectAllTrackedChanges")
            reply["rejected"] = blocks_of(doc.getText())
            reply["pendingAfterReject"] = doc.getRedlines().createEnumeration().hasMoreElements()
        finally:
            doc.close(True)
        return reply
    if op == "revisions":
        doc = office.load(request["path"])
        try:
            return {"revisions": revisions_of(doc)}
        finally:
            doc.close(True)
    if op == "edit":
        office.set_author(request["author"])
        doc = office.load(request["path"])
        try:
            # record=False makes the edits untracked (an edit made with change tracking switched off).
            doc.RecordChanges = bool(request.get("record", True))
            missing = []
            replace_all = bool(request.get("replaceAll", False))

            match_case = bool(request.get("matchCase", False))

            def find(text):
                search = doc.createSearchDescriptor()
                search.SearchString = text
                search.SearchCaseSensitive = match_case
                return search, doc.findFirst(search)

            for replacement in request.get("replacements", []):
                old, new = replacement[0], replacement[1]
                search, found = find(old)
                if found is not None and len(replacement) > 2:
                    # [old, new, n]: the n-th occurrence (from 0) in document order.
                    every = doc.findAll(search)
                    found = every.getByIndex(replacement[2]) if replacement[2] < every.getCount() else None
                if found is None:
                    missing.append(old)
                    continue
                if replace_all:
                    every = doc.findAll(search)
                    for i in range(every.getCount()):
                        every.getByIndex(i).setString(new)
                else:
                    found.setString(new)
            for anchor in request.get("deleteParagraphs", []):
                # The whole paragraph holding `anchor`, with its paragraph mark.
                _, found = find(anchor)
                if found is None:
                    missing.append(anchor)
                    continue
                cursor = found.getText().createTextCursorByRange(found)
                cursor.gotoStartOfParagraph(False)
                if not cursor.gotoNextParagraph(True):
                    cursor.gotoEndOfParagraph(True)
                cursor.setString("")
            for anchor, text in request.get("insertParagraphs", []):
                # A new paragraph with `text` after the paragraph holding `anchor`.
                _, found = find(anchor)
                if found is None:
                    missing.append(anchor)
                    continue
                body = found.getText()
                cursor = body.createTextCursorByRange(found.getEnd())
                cursor.gotoEndOfParagraph(False)
                body.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
                body.insertString(cursor, text, False)
            for anchor, cells in request.get("insertRows", []):
                # A new table row after the row holding `anchor`, its cells typed in (a tracked row insertion).
                _, found = find(anchor)
                if found is None or found.TextTable is None:
                    missing.append(anchor)
                    continue
                table, row = found.TextTable, row_of(found.Cell)
                office.dispatch_at(doc, found, ".uno:InsertRowsAfter")
                for column, text in enumerate(cells):
                    table.getCellByPosition(column, row + 1).getText().setString(text)
            for anchor in request.get("deleteRows", []):
                # The table row holding `anchor`, deleted as Word's Delete Rows does (a tracked row deletion).
                _, found = find(anchor)
                if found is None or found.TextTable is None:
                    missing.append(anchor)
                    continue
                office.dispatch_at(doc, found, ".uno:DeleteRows")
            for anchor, note in request.get("comments", []):
                _, found = find(anchor)
                if found is None:
                    missing.append(anchor)
                    continue
                annotation = doc.createInstance("com.sun.star.text.textfield.Annotation")
                annotation.Author = request["author"]
                annotation.Content = note
                annotation.DateTimeValue = uno_now()
                found.getText().insertTextContent(found, annotation, True)
            office.save_word(doc, request["out"])
            return {"missing": missing}
        finally:
            doc.close(True)
    if op == "compare":
        office.set_author(request.get("author", "LibreOffice"))
        doc = office.load(request["modified"])
        try:
            office.dispatch(doc, ".uno:CompareDocuments", prop("URL", uno.systemPathToFileUrl(request["original"])))
            office.save_word(doc, request["out"])
            return {}
        finally:
            doc.close(True)
    raise ValueError("unknown op %r" % op)


def main():
    office = Office()
    signal.signal(signal.SIGTERM, lambda *_: (office.stop(), sys.exit(0)))
    try:
        office.start()
        print(json.dumps({"ok": True, "ready": True, "version": product_version(office)}), flush=True)
        for line in sys.stdin:
            if not line.strip():
                continue
            request = json.loads(line)
            if request.get("op") == "quit":
                break
            try:
                reply = {"ok": True, **handle(office, request)}
            except Exception as error:  # one bad document must not end the session
                reply = {"ok": False, "error": "%s: %s" % (type(error).__name__, error)}
            print(json.dumps(reply), flush=True)
    except Exception as error:
        print(json.dumps({"ok": False, "ready": False, "error": str(error)}), flush=True)
    finally:
        office.stop()


def product_version(office):
    provider = office.ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", office.ctx)
    access = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", (prop("nodepath", "/org.openoffice.Setup/Product"),))
    return access.getPropertyValue("ooSetupVersionAboutBox")


if __name__ == "__main__":
    main()

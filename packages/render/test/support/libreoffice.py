# Opens DOCX files in headless LibreOffice over UNO (Debian's python3-uno), reports what LibreOffice
# sees in each (visible text, bookmark names, custom document properties) and saves each again as
# "MS Word 2007 XML". Usage: libreoffice.py IN.docx OUT.docx [IN2.docx OUT2.docx ...]; prints JSON.
import json, os, shutil, subprocess, sys, time, uuid
import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def visible_text(doc):
    lines = []
    enum = doc.getText().createEnumeration()
    while enum.hasMoreElements():
        part = enum.nextElement()
        if part.supportsService('com.sun.star.text.TextTable'):
            for name in part.getCellNames():
                lines.append(part.getCellByName(name).getString())
        else:
            lines.append(part.getString())
    return '\n'.join(lines)


def user_properties(doc):
    props = doc.getDocumentProperties().getUserDefinedProperties()
    return {p.Name: str(props.getPropertyValue(p.Name)) for p in props.getPropertySetInfo().getProperties()}


def main(pairs):
    profile = '/tmp/lo-profile-' + uuid.uuid4().hex
    pipe = 'contracts' + uuid.uuid4().hex
    office = subprocess.Popen(['soffice', '--headless', '--invisible', '--nologo', '--norestore', '--nodefault',
                               '-env:UserInstallation=file://' + profile, '--accept=pipe,name=%s;urp;' % pipe],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        ctx = None
        for _ in range(600):
            try:
                ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
                break
            except Exception:
                time.sleep(0.1)
        desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        report = []
        for src, dst in pairs:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), '_blank', 0, (prop('Hidden', True),))
            report.append({'text': visible_text(doc), 'bookmarks': list(doc.getBookmarks().getElementNames()), 'properties': user_properties(doc)})
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop('FilterName', 'MS Word 2007 XML'),))
            doc.close(True)
        print(json.dumps(report))
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=30)
        except Exception:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == '__main__':
    args = sys.argv[1:]
    main(list(zip(args[0::2], args[1::2])))

#!/usr/bin/env bash
# A real three-round negotiation of contracts/springfield-smartcam.yaml in a scratch git repository:
# the vendor's first draft, the buyer's counter, a compromise. Tags each round with `contracts round`,
# then shows `rounds`, `diff`, `history` and writes redlines (HTML, and Word with tracked changes).
# Round 4 is the vendor's Word markup of round 3, made in LibreOffice (tracked changes, a deleted
# clause, a sentence of their own, a comment) and imported with `contracts import` (skipped, with a
# message, when LibreOffice and python3-uno are not installed).
#   pnpm demo            # scratch repo in a temp dir, redlines in ./out/
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
contracts() { node "$root/packages/cli/bin/run.js" "$@"; }
out="${OUT:-$root/out}"
mkdir -p "$out"
repo="$(mktemp -d)"
cd "$repo"
git init -q -b main
git config user.name "Dana Whitfield (City of Springfield)"
git config user.email dana@springfield.example
mkdir -p contracts
file=contracts/springfield-smartcam.yaml
commit() { # author, date, message
  GIT_AUTHOR_NAME="$1" GIT_AUTHOR_EMAIL="$(echo "$1" | tr -cd 'a-zA-Z' | tr A-Z a-z)@example.com" \
  GIT_AUTHOR_DATE="$2" GIT_COMMITTER_DATE="$2" git commit -q -am "$3" 2>/dev/null || \
  GIT_AUTHOR_NAME="$1" GIT_AUTHOR_EMAIL="$(echo "$1" | tr -cd 'a-zA-Z' | tr A-Z a-z)@example.com" \
  GIT_AUTHOR_DATE="$2" GIT_COMMITTER_DATE="$2" git commit -q -m "$3"
}
edit() { sed -i "s/$1/$2/" "$file"; }

# Round 1: the vendor's first draft.
cp "$root/$file" "$file"
edit 'notificationHours: 48' 'notificationHours: 168'
edit 'remediationCostsBorneBy: vendor-if-vendor-caused' 'remediationCostsBorneBy: shared'
edit 'costsCovered: \[forensics, legal-defence, notification, credit-monitoring\]' 'costsCovered: [forensics]'
edit '    onSite: true' '    onSite: false'
git add "$file"
commit "Marcus Lee (Acme Cameras)" 2026-05-04T10:00:00Z "Vendor's first draft"
GIT_COMMITTER_DATE=2026-05-04T11:00:00Z contracts round "$file" -m "Round 1: vendor's first draft" >/dev/null

# Round 2: the buyer's counter-proposal.
cp "$root/$file" "$file"
edit 'notificationHours: 48' 'notificationHours: 24'
edit 'remediationCostsBorneBy: vendor-if-vendor-caused' 'remediationCostsBorneBy: vendor'
edit 'encryptionInTransit: tls-1.2' 'encryptionInTransit: tls-1.3'
edit 'buyerApprovalPerSession: false' 'buyerApprovalPerSession: true'
commit "Dana Whitfield (City of Springfield)" 2026-05-11T10:00:00Z "Buyer's counter-proposal"
GIT_COMMITTER_DATE=2026-05-11T11:00:00Z contracts round "$file" -m "Round 2: buyer's counter" >/dev/null

# Round 3: the compromise; the product evaluation also changes (EU visitors' data now in scope).
edit 'notificationHours: 24' 'notificationHours: 48'
edit 'remediationCostsBorneBy: vendor' 'remediationCostsBorneBy: vendor-if-vendor-caused'
edit 'dataSubjects: \[public, employees, illinois-residents\]' 'dataSubjects: [public, employees, illinois-residents, eu-residents]'
commit "Marcus Lee (Acme Cameras)" 2026-05-18T10:00:00Z "Compromise on notice and remediation"
GIT_COMMITTER_DATE=2026-05-18T11:00:00Z contracts round "$file" -m "Round 3: compromise" >/dev/null

echo "\$ contracts rounds $file"; contracts rounds "$file"; echo
echo "\$ contracts diff $file --from round-1 --to round-2"; contracts diff "$file" --from round-1 --to round-2; echo
echo "\$ contracts diff $file --from round-2 --to round-3"; contracts diff "$file" --from round-2 --to round-3; echo
echo "\$ contracts history $file --term incidentResponse.notificationHours"; contracts history "$file" --term incidentResponse.notificationHours; echo
contracts redline "$file" --from round-2 --to round-3 --out "$out/springfield-round-2-to-3.docx" --force
contracts redline "$file" --from round-2 --to round-3 --out "$out/springfield-round-2-to-3.html" --force
echo "redlines: $out/springfield-round-2-to-3.docx (tracked changes) and .html; scratch repo: $repo"

# Round 4: the vendor marks up round 3 in Word (LibreOffice here) and sends the DOCX back.
contracts render "$file" --to docx --out "$out/springfield-round-3.docx" --force >/dev/null
if [ -x /usr/lib/libreoffice/program/soffice.bin ] && /usr/bin/python3 -c 'import uno' 2>/dev/null; then
  ROOT="$root" IN="$out/springfield-round-3.docx" OUT="$out/acme-markup-of-round-3.docx" node --input-type=module -e '
    const { withLibreOffice } = await import(`${process.env.ROOT}/test-support/libreoffice/index.mjs`);
    await withLibreOffice((lo) => lo.edit(process.env.IN, {
      out: process.env.OUT, author: "Marcus Lee (Acme Cameras)", replaceAll: true,
      replacements: [["USD 5,000,000", "USD 3,000,000"]],
      deleteParagraphs: ["On request the Vendor shall give the Buyer the logs"],
      insertParagraphs: [["Each party bears its own costs of an audit", "The Buyer shall give the Vendor a copy of every audit report it receives."]],
      comments: [["Costs of remediation.", "Our insurer will not cover more than this."]],
    }));'
  echo "\$ contracts import $file acme-markup-of-round-3.docx --base round-3 --commit"
  contracts import "$file" "$out/acme-markup-of-round-3.docx" --base round-3 --commit
  GIT_COMMITTER_DATE=2026-05-25T11:00:00Z contracts round "$file" -m "Round 4: vendor's Word markup" >/dev/null
  echo; echo "\$ contracts check $file   (negotiated wording for counsel)"; contracts check "$file" | grep -i -E 'negotiat|comment' || true
  echo "vendor markup: $out/acme-markup-of-round-3.docx (imported as round 4)"
else
  echo "skipping round 4 (the vendor's Word markup): it is made in LibreOffice, and soffice or /usr/bin/python3 with uno is not installed (apt-get install libreoffice-writer python3-uno)"
fi

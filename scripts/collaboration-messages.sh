#!/bin/sh
# Rebuild the collaboration app's nl and en catalogues from the code and the Dutch
# translations kept in locale/fragments/*.po (one fragment per part, written in parallel).
# Safe to run at the same time from several shells: a lock serialises the runs.
set -eu
cd "$(dirname "$0")/../zwerm/collaboration"
exec 9>/tmp/zwerm-collaboration-messages.lock
flock 9
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
DJANGO_SETTINGS_MODULE=zwerm.test_settings ../../.venv/bin/python ../../manage.py \
  makemessages -l nl -l en --no-obsolete -v 0
msgcat --use-first locale/fragments/*.po -o "$tmp/compendium.po"
msgmerge -q --no-fuzzy-matching --no-wrap -o "$tmp/nl.po" "$tmp/compendium.po" \
  locale/nl/LC_MESSAGES/django.po
msgattrib --no-obsolete -o locale/nl/LC_MESSAGES/django.po "$tmp/nl.po"
sed -i 's/^"Language: .*\\n"$/"Language: nl\\n"/' locale/nl/LC_MESSAGES/django.po
msgen locale/en/LC_MESSAGES/django.po -o "$tmp/en.po"
cp "$tmp/en.po" locale/en/LC_MESSAGES/django.po
for language in nl en; do
  msgfmt -o "locale/$language/LC_MESSAGES/django.mo" "locale/$language/LC_MESSAGES/django.po"
done
msgattrib --untranslated locale/nl/LC_MESSAGES/django.po | grep -c '^msgid ' || true

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Absenderkennung, z. B. STADT</source>
        <extracomment>The highest own limit the dialog accepts (Facebook&apos;s default is 63,206).</extracomment>
        <translation>Sender ID, e.g. CITY</translation>
    </message>
    <message>
        <source>z. B. Lautsprecherdurchsage, Aushang</source>
        <translation>e.g. loudspeaker announcement, notice board</translation>
    </message>
    <message>
        <source>SMS-Teile</source>
        <translation>SMS segments</translation>
    </message>
    <message>
        <source>Zeichen</source>
        <translation>characters</translation>
    </message>
    <message>
        <source>Standard (unbegrenzt)</source>
        <translation>Default (unlimited)</translation>
    </message>
    <message>
        <source>Standard ({limit} {unit})</source>
        <translation>Default ({limit} {unit})</translation>
    </message>
    <message>
        <source>Kanal hinzufügen</source>
        <extracomment>The created or edited account (with the limit a check found). What is stored about the account&apos;s Verbindung, once loaded or saved. Something was stored, even if the dialog is cancelled afterwards.</extracomment>
        <translation>Add channel</translation>
    </message>
    <message>
        <source>z. B. Pressestelle</source>
        <translation>e.g. Press office</translation>
    </message>
    <message>
        <source>&amp;Sprachen</source>
        <translation>&amp;Languages</translation>
    </message>
    <message>
        <source>Standard der Plattform</source>
        <translation>Platform default</translation>
    </message>
    <message>
        <source>nur für die aktive &amp;Lage</source>
        <translation>only for the active &amp;incident</translation>
    </message>
    <message>
        <source>Der Kanal erscheint nur in dieser Lage, nicht in späteren.</source>
        <translation>The channel appears only in this incident, not in later ones.</translation>
    </message>
    <message>
        <source>Verbindung</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Verbindung prü&amp;fen</source>
        <extracomment>The rows of the platform&apos;s settings and secrets (None while loading).</extracomment>
        <translation>Chec&amp;k connection</translation>
    </message>
    <message>
        <source>Speichert die Angaben und fragt die Plattform, ob sie sie annimmt.</source>
        <translation>Saves the details and asks the platform whether it accepts them.</translation>
    </message>
    <message>
        <source>Hinzufügen</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Plattform</source>
        <translation>&amp;Platform</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Adresse</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>&amp;Zeichenlimit</source>
        <translation>&amp;Character limit</translation>
    </message>
    <message>
        <source>Kanal bearbeiten</source>
        <translation>Edit channel</translation>
    </message>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>0 = {default}. Ein eigenes Limit nur, wenn der Kanal mehr oder weniger erlaubt, z. B. eine Mastodon-Instanz mit 1000 Zeichen.</source>
        <translation>0 = {default}. Set your own limit only if the channel allows more or less, e.g. a Mastodon instance with 1000 characters.</translation>
    </message>
    <message>
        <source>Die Angaben der Plattform werden geladen …</source>
        <translation>Loading the platform&apos;s details …</translation>
    </message>
    <message>
        <source>Mit * markierte Angaben braucht der Kanal, um zu senden. Gespeicherte Tokens und Passwörter werden nie angezeigt.</source>
        <translation>The channel needs the details marked * to send. Stored tokens and passwords are never shown.</translation>
    </message>
    <message>
        <source>Dieser Kanal wird von Hand veröffentlicht; er braucht keine Zugangsdaten.</source>
        <translation>This channel is published by hand; it needs no credentials.</translation>
    </message>
    <message>
        <source>Nur aktive Kanäle lassen sich prüfen.</source>
        <translation>Only active channels can be checked.</translation>
    </message>
    <message>
        <source>Bitte geben Sie einen Namen für den Kanal ein.</source>
        <translation>Please enter a name for the channel.</translation>
    </message>
    <message>
        <source>Bitte wählen Sie mindestens eine Sprache aus.</source>
        <translation>Please choose at least one language.</translation>
    </message>
    <message>
        <source>Verbindung wird geprüft …</source>
        <translation>Checking the connection …</translation>
    </message>
</context>
<context>
    <name>AccountTableModel</name>
    <message>
        <source>Plattform</source>
        <extracomment>Each account&apos;s stored Verbindung; None where the platform has no channel module yet.</extracomment>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Sprachen</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Zeichenlimit</source>
        <translation>Character limit</translation>
    </message>
    <message>
        <source>Aktiv</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Nur für die aktive Lage</source>
        <translation>Only for the active incident</translation>
    </message>
    <message>
        <source>{name} (nur diese Lage)</source>
        <translation>{name} (this incident only)</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nein</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Zugangsdaten fehlen</source>
        <translation>Credentials missing</translation>
    </message>
</context>
<context>
    <name>AccountsPanel</name>
    <message>
        <source>Kanäle</source>
        <extracomment>An account was added or switched on or off (message sets may need a new look).</extracomment>
        <translation>Channels</translation>
    </message>
    <message>
        <source>Noch keine Kanäle. Ohne Kanal entstehen keine Meldungen: legen Sie mit „Kanal hinzufügen …“ den ersten an.</source>
        <translation>No channels yet. Without a channel no messages are created: add the first one with “Add channel …”.</translation>
    </message>
    <message>
        <source>&amp;Kanal hinzufügen …</source>
        <extracomment>Which active channels cannot send yet, in red below the table.</extracomment>
        <translation>Add &amp;channel …</translation>
    </message>
    <message>
        <source>Kanal &amp;bearbeiten …</source>
        <translation>&amp;Edit channel …</translation>
    </message>
    <message>
        <source>Verbindung und Zugangsdaten einrichten</source>
        <translation>Set up connection and credentials</translation>
    </message>
    <message>
        <source>Kanal deakti&amp;vieren</source>
        <translation>Deac&amp;tivate channel</translation>
    </message>
    <message>
        <source>Nur Personen mit der Rolle Leitung</source>
        <translation>Only people with the role Head of staff</translation>
    </message>
    <message>
        <source>Zugangsdaten fehlen: {names}. Diese Kanäle können nicht senden – Kanal auswählen und „Kanal bearbeiten …“.</source>
        <translation>Credentials missing: {names}. These channels cannot send – select the channel and “Edit channel …”.</translation>
    </message>
    <message>
        <source>Kanal akti&amp;vieren</source>
        <translation>Ac&amp;tivate channel</translation>
    </message>
    <message>
        <source>Bitte wählen Sie zuerst einen Kanal aus.</source>
        <translation>Please choose a channel first.</translation>
    </message>
</context>
<context>
    <name>AnswerPanel</name>
    <message>
        <source>Vorschläge (Enter oder Doppelklick übernimmt)</source>
        <extracomment>text, the Textbaustein it was taken from (&quot;&quot; when typed or changed)</extracomment>
        <translation>Suggestions (Enter or double-click takes one)</translation>
    </message>
    <message>
        <source>Antwortvorschläge</source>
        <translation>Answer suggestions</translation>
    </message>
    <message>
        <source>Antwort</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Antwort schreiben oder einen Vorschlag übernehmen</source>
        <translation>Write an answer or take a suggestion</translation>
    </message>
    <message>
        <source>&amp;Antworten</source>
        <translation>&amp;Answer</translation>
    </message>
    <message>
        <source>Strg+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Textbaustein „{title}“</source>
        <translation>Standard answer “{title}”</translation>
    </message>
    <message>
        <source>Frühere Antwort</source>
        <translation>Earlier answer</translation>
    </message>
    <message>
        <source> · vorab freigegeben</source>
        <translation> · pre-approved</translation>
    </message>
    <message>
        <source> · Fakt fehlt: {facts} – erst unter Meldungen eintragen</source>
        <translation> · fact missing: {facts} – fill it in under Messages first</translation>
    </message>
    <message>
        <source> · Fakt fehlt noch</source>
        <translation> · a fact is still missing</translation>
    </message>
    <message>
        <source>Keine Anfrage ausgewählt.</source>
        <translation>No question selected.</translation>
    </message>
    <message>
        <source>Kein Antwortkanal (Feed oder Bürgertelefon): die Antwort wird vermerkt, geben Sie sie von Hand (z. B. Rückruf).</source>
        <translation>No channel to answer on (feed or hotline): the answer is recorded; give it by hand (e.g. call back).</translation>
    </message>
    <message>
        <source>Unveränderter Textbaustein: wird ohne zweite Freigabe gesendet.</source>
        <translation>Unchanged standard answer: sent without a second release.</translation>
    </message>
    <message>
        <source>Eigener oder geänderter Text: braucht eine Freigabe (Vier Augen).</source>
        <translation>Own or changed text: needs a release (four eyes).</translation>
    </message>
    <message>
        <source>&amp;An {n} Anfragen antworten</source>
        <translation>&amp;Answer {n} questions</translation>
    </message>
</context>
<context>
    <name>ChannelFields</name>
    <message>
        <source>Server (Instanz-Adresse)</source>
        <extracomment>Text colours of a check&apos;s answer (both readable on white, WCAG AA). The e-mail channel&apos;s `security` values, the first one its default.</extracomment>
        <translation>Server (instance address)</translation>
    </message>
    <message>
        <source>Zugangstoken</source>
        <translation>Access token</translation>
    </message>
    <message>
        <source>Server (PDS)</source>
        <translation>Server (PDS)</translation>
    </message>
    <message>
        <source>Kennung (Handle)</source>
        <translation>Handle</translation>
    </message>
    <message>
        <source>App-Passwort</source>
        <translation>App password</translation>
    </message>
    <message>
        <source>SMTP-Server</source>
        <translation>SMTP server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Verschlüsselung</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <source>Absender</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Empfänger (eine Adresse je Zeile)</source>
        <translation>Recipients (one address per line)</translation>
    </message>
    <message>
        <source>Benutzername</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Abmelde-Adresse</source>
        <translation>Unsubscribe address</translation>
    </message>
    <message>
        <source>CA-Zertifikat (Datei)</source>
        <translation>CA certificate (file)</translation>
    </message>
    <message>
        <source>Passwort</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Ordner</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Öffentliche Adresse</source>
        <translation>Public address</translation>
    </message>
    <message>
        <source>Titel der Seite</source>
        <translation>Page title</translation>
    </message>
    <message>
        <source>Höchstens Einträge</source>
        <translation>Maximum entries</translation>
    </message>
    <message>
        <source>Kanal (@Name oder ID)</source>
        <translation>Channel (@name or ID)</translation>
    </message>
    <message>
        <source>API-Adresse</source>
        <translation>API address</translation>
    </message>
    <message>
        <source>Bot-Token</source>
        <translation>Bot token</translation>
    </message>
    <message>
        <source>Seiten-ID</source>
        <translation>Page ID</translation>
    </message>
    <message>
        <source>Instagram-Konto-ID</source>
        <translation>Instagram account ID</translation>
    </message>
    <message>
        <source>Öffentliche Bildadresse</source>
        <translation>Public image address</translation>
    </message>
    <message>
        <source>Homeserver</source>
        <translation>Homeserver</translation>
    </message>
    <message>
        <source>Raum</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>leer = https://bsky.social</source>
        <translation>empty = https://bsky.social</translation>
    </message>
    <message>
        <source>leer = Absenderadresse</source>
        <translation>empty = sender address</translation>
    </message>
    <message>
        <source>https://… oder mailto:…</source>
        <translation>https://… or mailto:…</translation>
    </message>
    <message>
        <source>leer = Zertifikate des Systems</source>
        <translation>empty = the system&apos;s certificates</translation>
    </message>
    <message>
        <source>Stadt Musterstadt – Aktuelle Lage</source>
        <translation>City of Musterstadt – Current situation</translation>
    </message>
    <message>
        <source>leer = Adresse der Plattform</source>
        <translation>empty = the platform&apos;s address</translation>
    </message>
    <message>
        <source>Standard (587 / 465 / 25)</source>
        <translation>Default (587 / 465 / 25)</translation>
    </message>
    <message>
        <source>Standard (50)</source>
        <translation>Default (50)</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>keine</source>
        <translation>none</translation>
    </message>
    <message>
        <source>gespeichert – leer lassen, um es zu behalten</source>
        <translation>stored – leave empty to keep it</translation>
    </message>
    <message>
        <source>Benutzername und Passwort</source>
        <translation>user name and password</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>token</translation>
    </message>
    <message>
        <source>(ohne Namen)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>Verbunden als {name} – höchstens {limit} Zeichen</source>
        <translation>Connected as {name} – at most {limit} characters</translation>
    </message>
    <message>
        <source>Verbunden als {name}</source>
        <translation>Connected as {name}</translation>
    </message>
    <message>
        <source>Zugangsdaten abgelehnt – bitte {what} prüfen</source>
        <translation>Credentials refused – please check the {what}</translation>
    </message>
    <message>
        <source>Server nicht erreichbar – Netzwerk prüfen</source>
        <translation>Server unreachable – check the network</translation>
    </message>
    <message>
        <source>Zugang erkannt, aber ohne Berechtigung – bitte die Rechte des Zugangs prüfen (er muss veröffentlichen dürfen)</source>
        <translation>Access recognised but without permission – please check the access rights (it must be allowed to publish)</translation>
    </message>
    <message>
        <source>Nicht gefunden – bitte Server-Adresse und Kennung prüfen</source>
        <translation>Not found – please check the server address and handle</translation>
    </message>
    <message>
        <source>Kanal nicht gefunden – bitte Namen prüfen und den Bot dort als Administrator eintragen</source>
        <translation>Channel not found – please check the name and add the bot there as an administrator</translation>
    </message>
    <message>
        <source>Die Server-Adresse ist ungültig – sie beginnt mit https://</source>
        <translation>The server address is invalid – it starts with https://</translation>
    </message>
    <message>
        <source>Eine Angabe fehlt oder passt nicht – bitte prüfen ({detail})</source>
        <translation>A detail is missing or wrong – please check ({detail})</translation>
    </message>
    <message>
        <source>Der Ordner fehlt oder ist nicht beschreibbar – bitte Ordner und Rechte prüfen</source>
        <translation>The folder is missing or not writable – please check the folder and rights</translation>
    </message>
    <message>
        <source>Im Ordner lässt sich gerade nicht schreiben – bitte erneut prüfen</source>
        <translation>The folder cannot be written just now – please check again</translation>
    </message>
    <message>
        <source>Der Datenträger des Ordners ist voll</source>
        <translation>The folder&apos;s disk is full</translation>
    </message>
    <message>
        <source>Sichere Verbindung gescheitert – bitte Verschlüsselung, Port und Zertifikat prüfen</source>
        <translation>Secure connection failed – please check encryption, port and certificate</translation>
    </message>
    <message>
        <source>Zu viele Anfragen – bitte in einigen Minuten erneut prüfen</source>
        <translation>Too many requests – please check again in a few minutes</translation>
    </message>
    <message>
        <source>Der Server meldet eine Störung – bitte später erneut prüfen</source>
        <translation>The server reports a fault – please check again later</translation>
    </message>
    <message>
        <source>Der Server antwortet nicht – bitte später erneut prüfen</source>
        <translation>The server does not answer – please check again later</translation>
    </message>
    <message>
        <source>Die Plattform hat das Konto gesperrt – bitte dort nachsehen</source>
        <translation>The platform has blocked the account – please look there</translation>
    </message>
    <message>
        <source>Prüfung fehlgeschlagen: {detail}</source>
        <translation>Check failed: {detail}</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>Checkliste der Phase</source>
        <translation>Checklist of the phase</translation>
    </message>
</context>
<context>
    <name>ConnectionForm</name>
    <message>
        <source>{label} (Pflichtfeld)</source>
        <extracomment>The highest value a number setting takes (0 stands for &quot;the channel&apos;s default&quot;). The input of each field (the label&apos;s buddy). &quot;Entfernen&quot; beside each secret, shown once the keyring holds it. &quot;Auswählen …&quot; beside a folder or file setting.</extracomment>
        <translation>{label} (required)</translation>
    </message>
    <message>
        <source>Entfernen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>{label} entfernen</source>
        <translation>Remove {label}</translation>
    </message>
    <message>
        <source>Beim Speichern aus dem Schlüsselbund löschen</source>
        <translation>Delete from the keyring when saving</translation>
    </message>
    <message>
        <source>Auswählen …</source>
        <translation>Choose …</translation>
    </message>
    <message>
        <source>{label} auswählen</source>
        <translation>Choose {label}</translation>
    </message>
    <message>
        <source>Ordner wählen</source>
        <translation>Choose folder</translation>
    </message>
    <message>
        <source>Zertifikatsdatei wählen</source>
        <translation>Choose certificate file</translation>
    </message>
    <message>
        <source>Zertifikate (*.pem *.crt);;Alle Dateien (*)</source>
        <translation>Certificates (*.pem *.crt);;All files (*)</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>Kriseninfo kann nicht starten</source>
        <translation>Kriseninfo cannot start</translation>
    </message>
    <message>
        <source>Datenbank nicht erreichbar</source>
        <translation>Database unreachable</translation>
    </message>
    <message>
        <source>Jetzt erneut versuchen</source>
        <translation>Try again now</translation>
    </message>
    <message>
        <source>Beenden</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Neuer Versuch in {seconds} s …</source>
        <translation>Trying again in {seconds} s …</translation>
    </message>
    <message>
        <source>Datenbank beschädigt</source>
        <translation>Database damaged</translation>
    </message>
    <message>
        <source>Kriseninfo kann die Datei beiseitelegen (umbenennen, nicht löschen) und mit einer leeren Datenbank beginnen. Die alte Datei bleibt für eine spätere Rettung erhalten.</source>
        <translation>Kriseninfo can move the file aside (rename it, never delete it) and start with an empty database. The old file is kept for a later rescue.</translation>
    </message>
    <message>
        <source>Beiseitelegen und neu beginnen</source>
        <translation>Move aside and start fresh</translation>
    </message>
    <message>
        <source>Die Datei lässt sich nicht umbenennen: {reason}</source>
        <translation>The file cannot be renamed: {reason}</translation>
    </message>
    <message>
        <source>Datenbank beiseitegelegt</source>
        <translation>Database moved aside</translation>
    </message>
    <message>
        <source>Die beschädigte Datei liegt jetzt unter {path}.</source>
        <translation>The damaged file is now at {path}.</translation>
    </message>
</context>
<context>
    <name>DeliveryTableModel</name>
    <message>
        <source>Zeit</source>
        <extracomment>Row colours that survive greyscale printing and colour blindness: text says it too.</extracomment>
        <translation>Time</translation>
    </message>
    <message>
        <source>Kanal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Teil</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>ÜBUNG</source>
        <translation>DRILL</translation>
    </message>
    <message>
        <source> ({n}. Versuch)</source>
        <translation> (attempt {n})</translation>
    </message>
</context>
<context>
    <name>DialogModel</name>
    <message>
        <source>offen</source>
        <extracomment>Colours that say the same as the text beside them (greyscale, colour blindness). The urgency ranks (first element of the key) each view shows: 0 open emergencies, 1 other open items, 2 answers waiting for release, 3 answered or closed. The roles `data` answers (a repaint asks for seven per cell). Ranks of the states that are not open (`ItemState.is_open`; an unknown word is open).</extracomment>
        <translation>open</translation>
    </message>
    <message>
        <source>in Arbeit</source>
        <translation>being answered</translation>
    </message>
    <message>
        <source>Antwort in Freigabe</source>
        <translation>Answer awaiting release</translation>
    </message>
    <message>
        <source>beantwortet</source>
        <translation>answered</translation>
    </message>
    <message>
        <source>erledigt</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>{h} h {m:02d}</source>
        <translation>{h} h {m:02d}</translation>
    </message>
    <message>
        <source>Alter / Ziel</source>
        <translation>Age / target</translation>
    </message>
    <message>
        <source>Kategorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Quelle</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Von Hand eingeordnet.</source>
        <translation>Category set by hand.</translation>
    </message>
    <message>
        <source>Vorschlag der Einordnung, weil: {why}. Ändern mit 1–7.</source>
        <translation>Suggested category, because: {why}. Change it with 1–7.</translation>
    </message>
    <message>
        <source>ÜBERFÄLLIG {age}</source>
        <translation>OVERDUE {age}</translation>
    </message>
    <message>
        <source>Von</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Stand</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Bürgertelefon</source>
        <extracomment>Every item&apos;s urgency key (`dialog_keys`), kept sorted, and the items in the same order: the states are contiguous runs (open, waiting for release, done), so a state filter is a slice, and the open items&apos; deadlines a search.</extracomment>
        <translation>Hotline</translation>
    </message>
    <message>
        <source>in Arbeit: {name}</source>
        <translation>being answered: {name}</translation>
    </message>
    <message>
        <source>nach {took}</source>
        <translation>after {took}</translation>
    </message>
</context>
<context>
    <name>DialogView</name>
    <message>
        <source>Zum &amp;Notfall</source>
        <extracomment>New items read per refresh; a full batch asks for the next at once. Smaller reads keep the database thread&apos;s share of the interpreter lock short. In a surge the next read starts this long after a merge: the window paints the new rows first. A paint calls into Python for every cell; while the reading thread runs Python, each of those calls waits for the interpreter lock. One key per category, in the order the hint shows them. Open items past their response target: the status bar&apos;s count. Items that just became overdue (one desktop notification each time). A message set made here (FAQ, Richtigstellung) or an answer awaiting release.</extracomment>
        <translation>Go to &amp;emergency</translation>
    </message>
    <message>
        <source>Suchen … (Strg+F)</source>
        <translation>Search … (Ctrl+F)</translation>
    </message>
    <message>
        <source>Offen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Von mir übernommen</source>
        <translation>Taken by me</translation>
    </message>
    <message>
        <source>Antwort in Freigabe</source>
        <translation>Answer awaiting release</translation>
    </message>
    <message>
        <source>Beantwortet / erledigt</source>
        <translation>Answered / closed</translation>
    </message>
    <message>
        <source>Alle</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Alle Kategorien</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>Alle Quellen</source>
        <translation>All sources</translation>
    </message>
    <message>
        <source>Dringendste zuerst</source>
        <translation>Most urgent first</translation>
    </message>
    <message>
        <source>Neueste zuerst</source>
        <translation>Newest first</translation>
    </message>
    <message>
        <source>Älteste zuerst</source>
        <translation>Oldest first</translation>
    </message>
    <message>
        <source>&amp;Bürgertelefon-Notiz …</source>
        <translation>&amp;Hotline note …</translation>
    </message>
    <message>
        <source>Strg+Umschalt+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>&amp;Quelle hinzufügen</source>
        <translation>Add &amp;source</translation>
    </message>
    <message>
        <source>Bürgeranfragen</source>
        <translation>Citizens&apos; questions</translation>
    </message>
    <message>
        <source>Kategorie per Taste: {keys}</source>
        <translation>Category by key: {keys}</translation>
    </message>
    <message>
        <source>Text der Anfrage</source>
        <translation>Text of the question</translation>
    </message>
    <message>
        <source>Lin&amp;k kopieren</source>
        <translation>Copy lin&amp;k</translation>
    </message>
    <message>
        <source>&amp;Ich übernehme</source>
        <translation>&amp;I&apos;ll take it</translation>
    </message>
    <message>
        <source>Strg+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Ab&amp;geben</source>
        <translation>&amp;Give back</translation>
    </message>
    <message>
        <source>&amp;Erledigt …</source>
        <translation>&amp;Done …</translation>
    </message>
    <message>
        <source>Braucht keine Antwort (z. B. Dank, doppelt)</source>
        <translation>Needs no answer (e.g. thanks, duplicate)</translation>
    </message>
    <message>
        <source>&amp;Richtigstellung erstellen</source>
        <translation>Create &amp;correction</translation>
    </message>
    <message>
        <source>Häufige Fragen</source>
        <translation>Frequent questions</translation>
    </message>
    <message>
        <source>Als &amp;FAQ-Meldung veröffentlichen …</source>
        <translation>Publish as &amp;FAQ message …</translation>
    </message>
    <message>
        <source>Häufige Fragen (ähnliche offene Fragen)</source>
        <translation>Frequent questions (similar open questions)</translation>
    </message>
    <message>
        <source>gestört: {error}</source>
        <translation>failing: {error}</translation>
    </message>
    <message>
        <source>vor {age}</source>
        <translation>{age} ago</translation>
    </message>
    <message>
        <source>noch nicht abgefragt</source>
        <translation>not polled yet</translation>
    </message>
    <message>
        <source> (Warnung)</source>
        <translation> (warning)</translation>
    </message>
    <message>
        <source>Quellen: {list}</source>
        <translation>Sources: {list}</translation>
    </message>
    <message>
        <source>NOTFALL? {n} Anfrage(n) klingen nach einem Notfall{why}. Antwort „Bitte wählen Sie sofort 112“ liegt bereit – jetzt beantworten.</source>
        <translation>EMERGENCY? {n} question(s) sound like an emergency{why}. The answer “Please call 112 now” is ready – answer now.</translation>
    </message>
    <message>
        <source>{shown} angezeigt · {overdue} überfällig</source>
        <translation>{shown} shown · {overdue} overdue</translation>
    </message>
    <message>
        <source>Keine Anfrage ausgewählt.</source>
        <translation>No question selected.</translation>
    </message>
    <message>
        <source>{n} Anfragen ausgewählt</source>
        <translation>{n} questions selected</translation>
    </message>
    <message>
        <source>Unsere Antwort: {text}</source>
        <translation>Our answer: {text}</translation>
    </message>
    <message>
        <source>unbekannt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Ortsteil: {d}</source>
        <translation>District: {d}</translation>
    </message>
    <message>
        <source>Rückruf: {n} (wird automatisch gelöscht)</source>
        <translation>Call back: {n} (deleted automatically)</translation>
    </message>
    <message>
        <source>Antwort auf unsere Meldung (Satz {n})</source>
        <translation>Reply to our message (set {n})</translation>
    </message>
    <message>
        <source>übernommen von {name}</source>
        <translation>taken by {name}</translation>
    </message>
    <message>
        <source>Eingeordnet als {category}, weil: {why}</source>
        <translation>Sorted as {category}, because: {why}</translation>
    </message>
    <message>
        <source>Unerwarteter Fehler, bitte erneut versuchen.</source>
        <translation>Unexpected error, please try again.</translation>
    </message>
    <message>
        <source>Erledigt</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Warum braucht es keine Antwort? (optional)</source>
        <translation>Why does it need no answer? (optional)</translation>
    </message>
    <message>
        <source>Antwort wartet auf Freigabe (Meldungen, Satz {n}).</source>
        <translation>The answer awaits release (Messages, set {n}).</translation>
    </message>
    <message>
        <source>Antwort ist in der Warteschlange.</source>
        <translation>The answer is in the queue.</translation>
    </message>
    <message>
        <source>Antwort vermerkt – bitte von Hand geben.</source>
        <translation>Answer recorded – please give it by hand.</translation>
    </message>
    <message>
        <source>Keine aktive Lage.</source>
        <translation>No active incident.</translation>
    </message>
    <message>
        <source>RSS- oder Atom-&amp;Feed …</source>
        <translation>RSS or Atom &amp;feed …</translation>
    </message>
    <message>
        <source>Erwähnungen von {name} ({platform})</source>
        <translation>Mentions of {name} ({platform})</translation>
    </message>
</context>
<context>
    <name>DraftEditor</name>
    <message>
        <source>{length} Zeichen</source>
        <extracomment>Platforms whose messages have a subject or headline.</extracomment>
        <translation>{length} characters</translation>
    </message>
    <message>
        <source>{length} / {limit} Zeichen</source>
        <translation>{length} / {limit} characters</translation>
    </message>
    <message>
        <source> · {encoding} · {segments} SMS</source>
        <translation> · {encoding} · {segments} SMS</translation>
    </message>
    <message>
        <source>Betreff / Überschrift</source>
        <translation>Subject / headline</translation>
    </message>
    <message>
        <source>Als &amp;Thread aufteilen</source>
        <translation>Split into a &amp;thread</translation>
    </message>
    <message>
        <source>Teilt den Text an Satzgrenzen in nummerierte Beiträge (1/3), die passen.</source>
        <translation>Splits the text at sentence boundaries into numbered posts (1/3) that fit.</translation>
    </message>
    <message>
        <source>&amp;Versionen …</source>
        <translation>&amp;Versions …</translation>
    </message>
    <message>
        <source>Bilder</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Bild &amp;anhängen …</source>
        <translation>Attach &amp;image …</translation>
    </message>
    <message>
        <source>A&amp;lternativtext …</source>
        <translation>A&amp;lt text …</translation>
    </message>
    <message>
        <source>Bild entfernen</source>
        <translation>Remove image</translation>
    </message>
    <message>
        <source>Keine Meldung ausgewählt.</source>
        <translation>No message selected.</translation>
    </message>
    <message>
        <source>Zurückgewiesen: {comment}</source>
        <translation>Sent back: {comment}</translation>
    </message>
    <message>
        <source>{platform} · {account} · {language} · {status} · Version {version}</source>
        <translation>{platform} · {account} · {language} · {status} · version {version}</translation>
    </message>
    <message>
        <source>{kind} durch {name}, {time}</source>
        <translation>{kind} by {name}, {time}</translation>
    </message>
    <message>
        <source>Unveränderter Text aus dem Playbook</source>
        <translation>Unchanged text from the playbook</translation>
    </message>
    <message>
        <source>{file} – Alternativtext: {alt}</source>
        <translation>{file} – alt text: {alt}</translation>
    </message>
    <message>
        <source>{file} – OHNE Alternativtext (so nicht freigabefähig)</source>
        <translation>{file} – NO alt text (cannot be released like this)</translation>
    </message>
    <message>
        <source>Bild anhängen</source>
        <translation>Attach image</translation>
    </message>
    <message>
        <source>Bilder (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>Alternativtext</source>
        <translation>Alt text</translation>
    </message>
    <message>
        <source>Beschreiben Sie das Bild für Menschen, die es nicht sehen können:</source>
        <translation>Describe the image for people who cannot see it:</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Teil {n}</source>
        <translation>Part {n}</translation>
    </message>
</context>
<context>
    <name>DraftTable</name>
    <message>
        <source>Kanal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Sprache</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hinweise</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source> · Thread, {count} Teile</source>
        <translation> · thread, {count} parts</translation>
    </message>
</context>
<context>
    <name>DrillBanner</name>
    <message>
        <source>ÜBUNG – Nichts aus dieser Lage erreicht die Öffentlichkeit</source>
        <translation>DRILL – Nothing from this incident reaches the public</translation>
    </message>
    <message>
        <source>Übungsmodus</source>
        <translation>Drill mode</translation>
    </message>
</context>
<context>
    <name>DrillsView</name>
    <message>
        <source>Übung &amp;starten …</source>
        <extracomment>What one tick reads: every drill and the shown one&apos;s timeline while the area is seen, else only the active incident&apos;s drill. A drill was started (or opened) here: the window makes it the active incident. The active drill&apos;s clock, as the banner shows it (&quot;0:12:30 · 60×&quot;), or &quot;&quot;.</extracomment>
        <translation>&amp;Start drill …</translation>
    </message>
    <message>
        <source>&amp;Nachbereitung erstellen …</source>
        <translation>Write after-action &amp;review …</translation>
    </message>
    <message>
        <source>Übungen</source>
        <translation>Drills</translation>
    </message>
    <message>
        <source>Übungsuhr</source>
        <translation>Drill clock</translation>
    </message>
    <message>
        <source>Geschwindigkeit der Übungsuhr</source>
        <translation>Speed of the drill clock</translation>
    </message>
    <message>
        <source>{n}×</source>
        <translation>{n}×</translation>
    </message>
    <message>
        <source>&amp;Anhalten</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Übung &amp;beenden</source>
        <translation>E&amp;nd drill</translation>
    </message>
    <message>
        <source>Dialog, Meldungen und Lage zeigen dann diese Übung.</source>
        <translation>Dialog, Messages and Incident then show this drill.</translation>
    </message>
    <message>
        <source>&amp;Einspielung hinzufügen …</source>
        <translation>Add &amp;inject …</translation>
    </message>
    <message>
        <source>Einspielungen</source>
        <translation>Injects</translation>
    </message>
    <message>
        <source>Übungs-Timeline</source>
        <translation>Drill timeline</translation>
    </message>
    <message>
        <source>Übungsleitung</source>
        <translation>Exercise lead</translation>
    </message>
    <message>
        <source>Geschwindigkeit:</source>
        <translation>Speed:</translation>
    </message>
    <message>
        <source>beendet</source>
        <translation>ended</translation>
    </message>
    <message>
        <source>läuft</source>
        <translation>running</translation>
    </message>
    <message>
        <source>angehalten</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>Übungsuhr –</source>
        <translation>Drill clock –</translation>
    </message>
    <message>
        <source>Keine Übung gewählt. „Übung starten“ beginnt eine.</source>
        <translation>No drill selected. “Start drill” begins one.</translation>
    </message>
    <message>
        <source>Übungsuhr {clock}</source>
        <translation>Drill clock {clock}</translation>
    </message>
    <message>
        <source> · geplantes Ende erreicht</source>
        <translation> · planned end reached</translation>
    </message>
    <message>
        <source>{title}
{state} · {clock} · {speed}× · begonnen {start}</source>
        <translation>{title}
{state} · {clock} · {speed}× · started {start}</translation>
    </message>
    <message>
        <source>Als aktive Lage ö&amp;ffnen</source>
        <translation>O&amp;pen as active incident</translation>
    </message>
    <message>
        <source>{state} · {speed}×</source>
        <translation>{state} · {speed}×</translation>
    </message>
    <message>
        <source>Nächste Einspielung um {at}: {author} – {text}</source>
        <translation>Next inject at {at}: {author} – {text}</translation>
    </message>
    <message>
        <source>Keine Einspielung mehr geplant.</source>
        <translation>No more injects planned.</translation>
    </message>
    <message>
        <source>&amp;Weiter</source>
        <translation>&amp;Resume</translation>
    </message>
    <message>
        <source>Übungsuhr {clock} · {speed}×{paused}</source>
        <translation>Drill clock {clock} · {speed}×{paused}</translation>
    </message>
    <message>
        <source> · angehalten</source>
        <translation> · paused</translation>
    </message>
    <message>
        <source>Angehalten.</source>
        <translation>Paused.</translation>
    </message>
    <message>
        <source>Läuft weiter.</source>
        <translation>Running again.</translation>
    </message>
    <message>
        <source>Übung beenden</source>
        <translation>End drill</translation>
    </message>
    <message>
        <source>Die Übung jetzt beenden? Die Uhr bleibt stehen, es kommen keine Einspielungen mehr. Die Nachbereitung lässt sich danach erstellen.</source>
        <translation>End the drill now? The clock stops and no more injects arrive. The after-action review can be written afterwards.</translation>
    </message>
    <message>
        <source>Übung beendet.</source>
        <translation>Drill ended.</translation>
    </message>
    <message>
        <source>Einspielung hinzugefügt: sie geht jetzt im Dialog ein.</source>
        <translation>Inject added: it arrives in the Dialog area now.</translation>
    </message>
    <message>
        <source>Einspielung hinzugefügt: sie geht ein, sobald die Übung weiterläuft.</source>
        <translation>Inject added: it arrives as soon as the drill runs again.</translation>
    </message>
    <message>
        <source>Übung gestartet. Die Einspielungen kommen im Bereich Dialog an.</source>
        <translation>Drill started. The injects arrive in the Dialog area.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Kriseninfo – unerwarteter Fehler</source>
        <translation>Kriseninfo – unexpected error</translation>
    </message>
    <message>
        <source>Ein unerwarteter Fehler ist aufgetreten. Ihre gespeicherten Eingaben sind sicher. Bitte geben Sie die Details an die IT-Betreuung weiter.</source>
        <translation>An unexpected error occurred. What you have saved is safe. Please pass the details on to IT support.</translation>
    </message>
    <message>
        <source>Details kopieren</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>FactsForm</name>
    <message>
        <source>&amp;Beispielwerte einsetzen</source>
        <extracomment>The rows changed (another playbook): an enclosing scroll area must measure anew.</extracomment>
        <translation>Insert &amp;example values</translation>
    </message>
    <message>
        <source>Füllt leere Felder mit den Beispielen des Playbooks (für Übungen). In einer Echtlage jeden Wert prüfen: Beispielwerte werden markiert.</source>
        <translation>Fills empty fields with the playbook&apos;s examples (for drills). In a real incident check every value: example values are marked.</translation>
    </message>
    <message>
        <source>z. B. {example}</source>
        <translation>e.g. {example}</translation>
    </message>
    <message>
        <source>Mehrere mit Semikolon trennen: Astraße; Bweg</source>
        <translation>Separate several with semicolons: A Street; B Road</translation>
    </message>
</context>
<context>
    <name>HotlineDialog</name>
    <message>
        <source>Notiz vom Bürgertelefon</source>
        <extracomment>How long &quot;Gespeichert.&quot; stays visible after a note was stored. What `save` returned for each stored note (also when the dialog is cancelled after &quot;weitere Notiz&quot;: the caller refreshes its list from this).</extracomment>
        <translation>Hotline note</translation>
    </message>
    <message>
        <source>Was möchte die Anruferin / der Anrufer wissen?</source>
        <translation>What does the caller want to know?</translation>
    </message>
    <message>
        <source>z. B. 02841 123456</source>
        <translation>e.g. 02841 123456</translation>
    </message>
    <message>
        <source>Personenbezogene Daten: wird nach {days} Tagen automatisch gelöscht und nie ins Einsatztagebuch geschrieben.</source>
        <translation>Personal data: deleted automatically after {days} days and never written to the log.</translation>
    </message>
    <message>
        <source>Nach dem Speichern &amp;weitere Notiz</source>
        <translation>&amp;Another note after saving</translation>
    </message>
    <message>
        <source>&amp;Speichern</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Speichern (Strg+Eingabe)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Ortsteil / Straße</source>
        <translation>&amp;District / street</translation>
    </message>
    <message>
        <source>&amp;Rückrufnummer (optional)</source>
        <translation>Call-&amp;back number (optional)</translation>
    </message>
    <message>
        <source>&amp;Frage des Anrufers</source>
        <translation>Caller&apos;s &amp;question</translation>
    </message>
    <message>
        <source>Gespeichert.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Das ist keine Telefonnummer.</source>
        <translation>That is not a phone number.</translation>
    </message>
    <message>
        <source>Bitte die Frage eintragen.</source>
        <translation>Please enter the question.</translation>
    </message>
</context>
<context>
    <name>IncidentListModel</name>
    <message>
        <source>ÜBUNG</source>
        <translation>DRILL</translation>
    </message>
    <message>
        <source>(abgeschlossen)</source>
        <translation>(closed)</translation>
    </message>
</context>
<context>
    <name>InjectDialog</name>
    <message>
        <source>Einspielung hinzufügen</source>
        <translation>Add inject</translation>
    </message>
    <message>
        <source>z. B. @anwohnerin@example.social</source>
        <translation>e.g. @resident@example.social</translation>
    </message>
    <message>
        <source>Was schreibt die Person?</source>
        <translation>What does the person write?</translation>
    </message>
    <message>
        <source>&amp;Kanal:</source>
        <translation>&amp;Channel:</translation>
    </message>
    <message>
        <source>&amp;Von:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>&amp;Erwartet als:</source>
        <translation>&amp;Expected as:</translation>
    </message>
    <message>
        <source>Jetzt einspielen</source>
        <translation>Inject now</translation>
    </message>
    <message>
        <source>Die Einspielung geht sofort im Dialog ein, wie von außen.</source>
        <translation>The inject arrives in the Dialog area at once, as if from outside.</translation>
    </message>
    <message>
        <source>Bitte angeben, von wem die Einspielung kommt.</source>
        <translation>Please say who the inject is from.</translation>
    </message>
    <message>
        <source>Bitte den Text der Einspielung eingeben.</source>
        <translation>Please enter the text of the inject.</translation>
    </message>
    <message>
        <source>Der Text ist zu lang (höchstens {n} Zeichen).</source>
        <translation>The text is too long (at most {n} characters).</translation>
    </message>
</context>
<context>
    <name>InjectTable</name>
    <message>
        <source>Einspielungen</source>
        <extracomment>An inject that arrived and still waits for the team (the dialog list&apos;s &quot;nearly due&quot;); an emergency that waits has the colour of &quot;overdue&quot;.</extracomment>
        <translation>Injects</translation>
    </message>
    <message>
        <source>Um</source>
        <translation>At</translation>
    </message>
    <message>
        <source>Kanal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Von</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Erwartet</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Stand</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>beantwortet {at}</source>
        <translation>answered {at}</translation>
    </message>
    <message>
        <source>in Arbeit: {name}</source>
        <translation>being answered: {name}</translation>
    </message>
    <message>
        <source>Antwort in Freigabe</source>
        <translation>Answer awaiting release</translation>
    </message>
    <message>
        <source>erledigt ohne Antwort</source>
        <translation>answer awaiting release</translation>
    </message>
    <message>
        <source>offen seit {at}</source>
        <translation>closed without an answer</translation>
    </message>
    <message>
        <source>wartet</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source> (von Hand)</source>
        <translation> (by hand)</translation>
    </message>
</context>
<context>
    <name>JournalTableModel</name>
    <message>
        <source>Zeit</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Aktion</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Feld</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Alt</source>
        <translation>Old</translation>
    </message>
    <message>
        <source>Neu</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
</context>
<context>
    <name>JournalView</name>
    <message>
        <source>Einsatztagebuch</source>
        <translation>Incident journal</translation>
    </message>
    <message>
        <source>Nur die aktive Lage</source>
        <translation>Active incident only</translation>
    </message>
    <message>
        <source>Kette &amp;prüfen</source>
        <translation>&amp;Verify chain</translation>
    </message>
    <message>
        <source>Als &amp;CSV exportieren …</source>
        <translation>Export as &amp;CSV …</translation>
    </message>
    <message>
        <source>Nur die aktive Lage: {title}</source>
        <translation>Active incident only: {title}</translation>
    </message>
    <message>
        <source>Einsatztagebuch geprüft: {count} Einträge, die Kette ist unversehrt.</source>
        <translation>Incident journal verified: {count} entries, the chain is intact.</translation>
    </message>
    <message>
        <source>Achtung: Das Einsatztagebuch wurde verändert. Erster beschädigter Eintrag: Nr. {seq} ({reason}).</source>
        <translation>Warning: the incident journal has been tampered with. First broken entry: no. {seq} ({reason}).</translation>
    </message>
    <message>
        <source>Einsatztagebuch exportieren</source>
        <translation>Export incident journal</translation>
    </message>
    <message>
        <source>CSV-Dateien (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Export fehlgeschlagen: {reason}</source>
        <translation>Export failed: {reason}</translation>
    </message>
    <message>
        <source>{count} Einträge exportiert nach {path}</source>
        <translation>{count} entries exported to {path}</translation>
    </message>
</context>
<context>
    <name>LageView</name>
    <message>
        <source>Lagen</source>
        <extracomment>How often changes made at other consoles are picked up. An incident was started from a playbook: its facts and messages come next. A problem the duty officer must see (German text), or &quot;&quot; when it is over.</extracomment>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>&amp;Neue Lage …</source>
        <translation>&amp;New incident …</translation>
    </message>
    <message>
        <source>Noch keine Lage. Legen Sie mit „Neue Lage …“ die erste an.</source>
        <translation>No incident yet. Create the first one with “New incident …”.</translation>
    </message>
    <message>
        <source>Übung</source>
        <translation>Drill</translation>
    </message>
    <message>
        <source>Echtlage</source>
        <translation>Real incident</translation>
    </message>
    <message>
        <source>offen</source>
        <translation>open</translation>
    </message>
    <message>
        <source>abgeschlossen</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>(ohne Titel)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>{kind} · {mode} · {state} · angelegt {created}</source>
        <translation>{kind} · {mode} · {state} · created {created}</translation>
    </message>
    <message>
        <source>Lage &amp;abschließen</source>
        <translation>&amp;Close incident</translation>
    </message>
    <message>
        <source>Lage wieder ö&amp;ffnen</source>
        <translation>Re&amp;open incident</translation>
    </message>
    <message>
        <source>Lage abschließen?</source>
        <translation>Close the incident?</translation>
    </message>
    <message>
        <source>„{title}“ abschließen? Das Lagebild ist danach an allen Konsolen schreibgeschützt, bis jemand die Lage wieder öffnet.</source>
        <translation>Close “{title}”? The situation report is then read-only at every console until someone reopens the incident.</translation>
    </message>
    <message>
        <source>Abschließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LagebildForm</name>
    <message>
        <source>Wird gespeichert …</source>
        <extracomment>A save finished: (pending edits, error or None).</extracomment>
        <translation>Saving …</translation>
    </message>
    <message>
        <source>Nicht gespeichert: unerwarteter Fehler. Ihre Eingabe liegt im Zwischenspeicher; Details stehen im Protokoll.</source>
        <translation>Not saved: unexpected error. Your input is kept in the spool; the log has the details.</translation>
    </message>
    <message>
        <source>Gespeichert um {time}</source>
        <translation>Saved at {time}</translation>
    </message>
    <message>
        <source>Nicht gespeichert ({count} Änderungen warten): {reason}</source>
        <translation>Not saved ({count} changes waiting): {reason}</translation>
    </message>
    <message>
        <source>Nicht gespeichert: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kriseninfo wird gestartet …</source>
        <extracomment>When the Warteschlange is built after sign-in, if nobody opened it before.</extracomment>
        <translation>Kriseninfo is starting …</translation>
    </message>
    <message>
        <source>Bereiche</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>Lage</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Meldungen</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Warteschlange</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Dialog</source>
        <translation>Dialogue</translation>
    </message>
    <message>
        <source>Playbooks</source>
        <translation>Playbooks</translation>
    </message>
    <message>
        <source>Übungen</source>
        <translation>Drills</translation>
    </message>
    <message>
        <source>Einsatztagebuch</source>
        <translation>Incident journal</translation>
    </message>
    <message>
        <source>Einstellungen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>&amp;Lage</source>
        <translation>&amp;Incident</translation>
    </message>
    <message>
        <source>&amp;Meldungen</source>
        <translation>&amp;Messages</translation>
    </message>
    <message>
        <source>Noch nicht verfügbar</source>
        <translation>Not available yet</translation>
    </message>
    <message>
        <source>Strg+{number}</source>
        <translation>Ctrl+{number}</translation>
    </message>
    <message>
        <source>Angemeldet: {name} ({role})</source>
        <translation>Signed in: {name} ({role})</translation>
    </message>
    <message>
        <source>&amp;Neue Lage …</source>
        <translation>&amp;New incident …</translation>
    </message>
    <message>
        <source>Nach&amp;bereitung erstellen …</source>
        <translation>Write after-action re&amp;view …</translation>
    </message>
    <message>
        <source>Für Übungen und abgeschlossene Lagen</source>
        <translation>For drills and closed incidents</translation>
    </message>
    <message>
        <source>Meldungen &amp;erstellen</source>
        <translation>Cr&amp;eate messages</translation>
    </message>
    <message>
        <source>&amp;Zur Freigabe vorlegen</source>
        <translation>&amp;Submit for release</translation>
    </message>
    <message>
        <source>Nur &amp;diese Meldung zur Freigabe</source>
        <translation>Submit only &amp;this message</translation>
    </message>
    <message>
        <source>&amp;Freigeben …</source>
        <translation>&amp;Release …</translation>
    </message>
    <message>
        <source>{n} Anfragen überfällig</source>
        <translation>{n} questions overdue</translation>
    </message>
    <message>
        <source>Kriseninfo: {n} Anfrage(n) überfällig</source>
        <translation>Kriseninfo: {n} question(s) overdue</translation>
    </message>
    <message>
        <source>ÜBUNG</source>
        <translation>DRILL</translation>
    </message>
    <message>
        <source>{n} Sendungen brauchen Sie</source>
        <translation>{n} deliveries need you</translation>
    </message>
    <message>
        <source>Kriseninfo: {n} Sendung(en) nicht veröffentlicht</source>
        <translation>Kriseninfo: {n} delivery(ies) not published</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <source>Von Hand veröffentlichen: {account}</source>
        <translation>Publish by hand: {account}</translation>
    </message>
    <message>
        <source>Text zum Weitergeben</source>
        <translation>Text to pass on</translation>
    </message>
    <message>
        <source>Text &amp;kopieren</source>
        <translation>&amp;Copy text</translation>
    </message>
    <message>
        <source>z. B. Radio Niederrhein, Redaktion, Herr Müller</source>
        <translation>e.g. Radio Niederrhein, newsroom, Mr Müller</translation>
    </message>
    <message>
        <source>Erledigt &amp;um:</source>
        <translation>Done &amp;at:</translation>
    </message>
    <message>
        <source>&amp;Wie / an wen:</source>
        <translation>&amp;How / to whom:</translation>
    </message>
    <message>
        <source>Erledigt</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Diesen Text weitergeben:</source>
        <translation>Pass on this text:</translation>
    </message>
</context>
<context>
    <name>MeldungenView</name>
    <message>
        <source>Playbook &amp;übernehmen</source>
        <extracomment>A problem the duty officer must see (German text), or &quot;&quot; when it is over. The checked playbooks (None until the background check has run once).</extracomment>
        <translation>&amp;Use playbook</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>P&amp;hase</source>
        <translation>P&amp;hase</translation>
    </message>
    <message>
        <source>Fakten</source>
        <translation>Facts</translation>
    </message>
    <message>
        <source>Checkliste der Phase</source>
        <translation>Checklist of the phase</translation>
    </message>
    <message>
        <source>Meldungen &amp;erstellen</source>
        <translation>Cr&amp;eate messages</translation>
    </message>
    <message>
        <source>Strg+G: ein Satz für jeden Kanal und jede Sprache</source>
        <translation>Ctrl+G: one set for every channel and language</translation>
    </message>
    <message>
        <source>Meldungssatz</source>
        <translation>Message set</translation>
    </message>
    <message>
        <source>&amp;Zur Freigabe</source>
        <translation>&amp;Submit for release</translation>
    </message>
    <message>
        <source>Strg+Umschalt+F: alle Entwürfe des Satzes einer zweiten Person vorlegen</source>
        <translation>Ctrl+Shift+F: put all of the set&apos;s drafts before a second person</translation>
    </message>
    <message>
        <source>F&amp;reigeben …</source>
        <translation>&amp;Release …</translation>
    </message>
    <message>
        <source>Strg+R: Freigabe an diesem Rechner</source>
        <translation>Ctrl+R: release at this computer</translation>
    </message>
    <message>
        <source>Sendeze&amp;it …</source>
        <translation>Send t&amp;ime …</translation>
    </message>
    <message>
        <source>Bei Freigabe senden oder zu einer festen Uhrzeit („senden um 14:30“)</source>
        <translation>Send on release or at a fixed time (“send at 14:30”)</translation>
    </message>
    <message>
        <source>Playbooks werden geprüft …</source>
        <translation>Checking the playbooks …</translation>
    </message>
    <message>
        <source>Wählen Sie im Bereich Lage eine Lage aus.</source>
        <translation>Choose an incident in the Incident area.</translation>
    </message>
    <message>
        <source>Wird geladen …</source>
        <translation>Loading …</translation>
    </message>
    <message>
        <source>Diese Lage folgt noch keinem Playbook:</source>
        <translation>This incident follows no playbook yet:</translation>
    </message>
    <message>
        <source>Mit einem Playbook werden die Fakten zum Formular, die Phase bringt ihre Checkliste mit, und „Meldungen erstellen“ schreibt für jeden Kanal den Text.</source>
        <translation>With a playbook the facts become a form, each phase brings its checklist, and “Create messages” writes the text for every channel.</translation>
    </message>
    <message>
        <source>freigegeben von {by}</source>
        <translation>released by {by}</translation>
    </message>
    <message>
        <source>ohne Freigabe</source>
        <translation>not released</translation>
    </message>
    <message>
        <source>Playbook: {title} {version} ({released})</source>
        <translation>Playbook: {title} {version} ({released})</translation>
    </message>
    <message>
        <source>Satz {id} · {purpose} · {phase} · {status} · {time}</source>
        <translation>Set {id} · {purpose} · {phase} · {status} · {time}</translation>
    </message>
    <message>
        <source>Noch keine Meldungen. Fakten ausfüllen, dann „Meldungen erstellen“.</source>
        <translation>No messages yet. Fill in the facts, then “Create messages”.</translation>
    </message>
    <message>
        <source>senden um {time}</source>
        <translation>send at {time}</translation>
    </message>
    <message>
        <source>folgt auf Satz {id}</source>
        <translation>follows set {id}</translation>
    </message>
    <message>
        <source>Achtung: {count} Fakten haben noch den Beispielwert des Playbooks.</source>
        <translation>Caution: {count} facts still have the playbook&apos;s example value.</translation>
    </message>
    <message>
        <source>Meldung inzwischen geändert</source>
        <translation>Message changed meanwhile</translation>
    </message>
    <message>
        <source>Ihre Fassung liegt in der Zwischenablage. Die neue Fassung wird geladen.</source>
        <translation>Your version is on the clipboard. The new version is being loaded.</translation>
    </message>
    <message>
        <source>Unerwarteter Fehler: {error}</source>
        <translation>Unexpected error: {error}</translation>
    </message>
</context>
<context>
    <name>MessageSets</name>
    <message>
        <source>E-Mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Manuell</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Entwurf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Zur Freigabe</source>
        <translation>Awaiting release</translation>
    </message>
    <message>
        <source>Freigegeben – bereit zum Senden</source>
        <translation>Released – ready to send</translation>
    </message>
    <message>
        <source>Erstmeldung</source>
        <translation>First warning</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>Korrektur</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>Entwarnung</source>
        <translation>All clear</translation>
    </message>
    <message>
        <source>FAQ-Meldung</source>
        <translation>FAQ message</translation>
    </message>
    <message>
        <source>Richtigstellung</source>
        <translation>Correction of a rumour</translation>
    </message>
    <message>
        <source>Antwort an Bürger</source>
        <translation>Answer to citizens</translation>
    </message>
    <message>
        <source>Vier-Augen-Freigabe</source>
        <translation>Four-eyes release</translation>
    </message>
    <message>
        <source>Vorab freigegebener Text, Fakten bestätigt</source>
        <translation>Pre-approved text, facts confirmed</translation>
    </message>
    <message>
        <source>EILFREIGABE</source>
        <translation>URGENT RELEASE</translation>
    </message>
    <message>
        <source>Unveränderter Textbaustein, ohne zweite Freigabe</source>
        <translation>Unchanged standard answer, without a second release</translation>
    </message>
    <message>
        <source>was passiert ist</source>
        <translation>what happened</translation>
    </message>
    <message>
        <source>was die Menschen tun sollen</source>
        <translation>what people should do</translation>
    </message>
    <message>
        <source>wo es mehr Informationen gibt</source>
        <translation>where to find more information</translation>
    </message>
    <message>
        <source>wann die nächste Meldung kommt</source>
        <translation>when the next update comes</translation>
    </message>
    <message>
        <source>Teil {number}: </source>
        <translation>Part {number}: </translation>
    </message>
    <message>
        <source>Der Text ist leer.</source>
        <translation>The text is empty.</translation>
    </message>
    <message>
        <source>Die Vorlage ließ sich nicht füllen ({reason}). Bitte schreiben Sie den Text selbst.</source>
        <translation>The template could not be filled ({reason}). Please write the text yourself.</translation>
    </message>
    <message>
        <source>Zu lang: {length} von höchstens {limit}. Kürzen oder „Als Thread aufteilen“.</source>
        <translation>Too long: {length} of at most {limit}. Shorten it or “Split into a thread”.</translation>
    </message>
    <message>
        <source>Betreff lang: {length} Zeichen (empfohlen höchstens {limit}).</source>
        <translation>Long subject: {length} characters (at most {limit} recommended).</translation>
    </message>
    <message>
        <source>Ein Bild hat keinen Alternativtext. Ohne ihn keine Freigabe.</source>
        <translation>An image has no alt text. It cannot be released without one.</translation>
    </message>
    <message>
        <source>Erstmeldung unvollständig – es fehlt: {missing}.</source>
        <translation>First warning incomplete – missing: {missing}.</translation>
    </message>
    <message>
        <source>Die Fakten haben sich seit dem Erstellen geändert ({fields}). Bitte die Meldungen neu erstellen.</source>
        <translation>The facts have changed since the messages were created ({fields}). Please create the messages again.</translation>
    </message>
    <message>
        <source>„{field}“ hat noch den Beispielwert aus dem Playbook.</source>
        <translation>“{field}” still has the example value from the playbook.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>ein Eintrag fehlt</source>
        <translation>an entry is missing</translation>
    </message>
    <message>
        <source>ein Eintrag steht doppelt</source>
        <translation>an entry appears twice</translation>
    </message>
    <message>
        <source>der Eintrag passt nicht zum vorigen</source>
        <translation>the entry does not fit the one before</translation>
    </message>
    <message>
        <source>der Inhalt wurde nachträglich geändert</source>
        <translation>its content was changed afterwards</translation>
    </message>
    <message>
        <source>der Abschluss der Kette fehlt</source>
        <translation>the end of the chain is missing</translation>
    </message>
    <message>
        <source>die letzten Einträge fehlen</source>
        <translation>the last entries are missing</translation>
    </message>
    <message>
        <source>Kriseninfo kann im Datenordner {path} nicht schreiben. Bitte prüfen Sie die Berechtigungen oder wählen Sie mit --data-dir einen anderen Ordner.</source>
        <translation>Kriseninfo cannot write to the data folder {path}. Please check the permissions or choose another folder with --data-dir.</translation>
    </message>
    <message>
        <source>Der Datenträger ist voll. Ihre Eingaben bleiben im Fenster erhalten und werden gespeichert, sobald wieder Platz ist.</source>
        <translation>The disk is full. Your input stays in the window and is saved as soon as there is space again.</translation>
    </message>
    <message>
        <source>Die Datenbankdatei {path} ist beschädigt oder keine Kriseninfo-Datenbank.</source>
        <translation>The database file {path} is damaged or not a Kriseninfo database.</translation>
    </message>
    <message>
        <source>Diese Datenbank stammt von einer neueren Kriseninfo-Version ({needed}). Dieses Programm ist Version {this}. Bitte installieren Sie Kriseninfo {needed} oder neuer.</source>
        <translation>This database comes from a newer Kriseninfo version ({needed}). This program is version {this}. Please install Kriseninfo {needed} or newer.</translation>
    </message>
    <message>
        <source>Die Datenbank auf {host}:{port} ist nicht erreichbar. Kriseninfo versucht es weiter; Ihre Eingaben bleiben erhalten.</source>
        <translation>The database at {host}:{port} cannot be reached. Kriseninfo keeps trying; your input is kept.</translation>
    </message>
    <message>
        <source>Die Datenbank ist gerade belegt. Kriseninfo versucht es gleich noch einmal.</source>
        <translation>The database is busy. Kriseninfo will try again shortly.</translation>
    </message>
    <message>
        <source>Die PIN ist falsch.</source>
        <translation>The PIN is wrong.</translation>
    </message>
    <message>
        <source>Es fehlen noch Pflichtangaben: {fields}. Bitte im Fakten-Formular ergänzen.</source>
        <translation>Required facts are missing: {fields}. Please fill them in the facts form.</translation>
    </message>
    <message>
        <source>Es ist noch kein Kanal eingerichtet. Legen Sie unter Einstellungen → Kanäle mindestens einen an (z. B. Website oder Manuell).</source>
        <translation>No channel is set up yet. Add at least one under Settings → Channels (e.g. Website or Manual).</translation>
    </message>
    <message>
        <source>{name} hat diese Meldung inzwischen geändert (Version {version}). Ihre Änderung wurde nicht gespeichert, damit nichts überschrieben wird.</source>
        <translation>{name} has changed this message meanwhile (version {version}). Your change was not saved, so nothing is overwritten.</translation>
    </message>
    <message>
        <source>Die Meldung wurde inzwischen geändert (Version {version}). Bitte lesen Sie sie erneut, bevor Sie freigeben.</source>
        <translation>The message has changed meanwhile (version {version}). Please read it again before releasing.</translation>
    </message>
    <message>
        <source>Noch nicht freigabefähig: Die Meldung für „{account}“ hat einen Fehler, der vorher behoben werden muss (siehe Hinweise).</source>
        <translation>Not ready for release: the message for “{account}” has an error that must be fixed first (see notes).</translation>
    </message>
    <message>
        <source>Die PIN ist falsch. Nach {remaining} weiteren Fehlversuchen wird die PIN dieser Person einige Minuten gesperrt.</source>
        <translation>Wrong PIN. After {remaining} more wrong attempts this person&apos;s PIN is locked for a few minutes.</translation>
    </message>
    <message>
        <source>Zu viele falsche PINs: Die PIN von {name} ist bis {until} Uhr gesperrt – für Anmeldung und Freigabe. Der Vorgang steht im Einsatztagebuch.</source>
        <translation>Too many wrong PINs: the PIN of {name} is locked until {until} – for sign-in and release. This is recorded in the incident journal.</translation>
    </message>
    <message>
        <source>{name} hat an dieser Meldung mitgeschrieben und kann sie nicht selbst freigeben (Vier-Augen-Prinzip).</source>
        <translation>{name} wrote part of this message and cannot release it (four-eyes principle).</translation>
    </message>
    <message>
        <source>Eine PIN besteht aus 4 bis 12 Ziffern.</source>
        <translation>A PIN has 4 to 12 digits.</translation>
    </message>
    <message>
        <source>{name} darf nicht freigeben: Das dürfen nur die Rollen Freigabe und Leitung.</source>
        <translation>{name} may not release: only the roles Approver and Head of staff may.</translation>
    </message>
    <message>
        <source>Dafür fehlt Ihnen die Berechtigung (Rolle Leitung nötig).</source>
        <translation>You are not allowed to do this (role Head of staff needed).</translation>
    </message>
    <message>
        <source>Diese Lage ist abgeschlossen. Öffnen Sie sie wieder, um sie zu bearbeiten.</source>
        <translation>This incident is closed. Reopen it to edit it.</translation>
    </message>
    <message>
        <source>Es gibt bereits eine Person mit dem Namen „{name}“.</source>
        <translation>There is already a person named “{name}”.</translation>
    </message>
    <message>
        <source>Der Eintrag wurde nicht gefunden; vielleicht hat ihn jemand anderes geändert.</source>
        <translation>The entry was not found; perhaps someone else changed it.</translation>
    </message>
    <message>
        <source>Diese Meldung ist schon veröffentlicht oder wird gerade gesendet und kann nicht mehr geändert werden. Bitte eine Korrektur erstellen.</source>
        <translation>This message is already published or being sent and can no longer be changed. Please create a correction.</translation>
    </message>
    <message>
        <source>Der Schlüsselbund des Betriebssystems ist nicht erreichbar; Zugangsdaten wurden nicht gespeichert. Bitte die IT informieren.</source>
        <translation>The operating system&apos;s keyring cannot be reached; credentials were not saved. Please tell IT.</translation>
    </message>
    <message>
        <source>Der Kanal „{account}“ antwortet nicht wie erwartet: {detail}</source>
        <translation>The channel “{account}” does not answer as expected: {detail}</translation>
    </message>
    <message>
        <source>Vorab freigegebene Texte sind an diesem Lagezentrum ausgeschaltet.</source>
        <translation>Pre-approved texts are switched off at this crisis desk.</translation>
    </message>
    <message>
        <source>Dieses Playbook ist nicht vorab freigegeben; es braucht die Vier-Augen-Freigabe.</source>
        <translation>This playbook is not pre-approved; it needs the four-eyes release.</translation>
    </message>
    <message>
        <source>Keine dieser Meldungen ist ein unveränderter Playbook-Text; sie brauchen die Vier-Augen-Freigabe.</source>
        <translation>None of these messages is an unchanged playbook text; they need the four-eyes release.</translation>
    </message>
    <message>
        <source>Eilfreigabe ist nicht erlaubt (Einstellungen → Freigaberegeln).</source>
        <translation>Urgent release is not allowed (Settings → Release rules).</translation>
    </message>
    <message>
        <source>Keine Meldung dieses Satzes wartet auf diesen Schritt.</source>
        <translation>No message of this set is waiting for this step.</translation>
    </message>
    <message>
        <source>Fakten bestätigen geht nicht: „{field}“ hat noch den Beispielwert des Playbooks.</source>
        <translation>Facts cannot be confirmed: “{field}” still has the playbook&apos;s example value.</translation>
    </message>
    <message>
        <source>Diese Anfrage beantwortet gerade {name}; bitte eine andere nehmen.</source>
        <translation>{name} is answering this question right now; please take another one.</translation>
    </message>
    <message>
        <source>Dieser Beitrag wird gerade gesendet; bitte das Ergebnis abwarten.</source>
        <translation>This post is being sent right now; please wait for the result.</translation>
    </message>
    <message>
        <source>Dieser Beitrag wird automatisch gesendet, nicht von Hand.</source>
        <translation>This post is sent automatically, not by hand.</translation>
    </message>
    <message>
        <source>Von Hand veröffentlichte Beiträge bitte auch von Hand entfernen.</source>
        <translation>Posts published by hand must be removed by hand too.</translation>
    </message>
    <message>
        <source>„{account}“ kann Beiträge nicht automatisch löschen; bitte auf der Plattform von Hand löschen.</source>
        <translation>“{account}” cannot delete posts automatically; please delete it on the platform by hand.</translation>
    </message>
    <message>
        <source>Der Beitrag hat inzwischen einen anderen Stand; die Liste wird neu geladen.</source>
        <translation>The post has changed state meanwhile; the list is reloaded.</translation>
    </message>
    <message>
        <source>Die Fakten haben sich seit dem Erstellen geändert ({fields}). Bitte die Meldungen neu erstellen.</source>
        <translation>The facts have changed since the messages were created ({fields}). Please create the messages again.</translation>
    </message>
    <message>
        <source>Das ist für diese Meldungen gerade nicht möglich.</source>
        <translation>This is not possible for these messages right now.</translation>
    </message>
    <message>
        <source>Bitte geben Sie einen Namen ein.</source>
        <translation>Please enter a name.</translation>
    </message>
    <message>
        <source>Bitte geben Sie einen Titel ein.</source>
        <translation>Please enter a title.</translation>
    </message>
    <message>
        <source>Die erste Person muss die Rolle Leitung haben.</source>
        <translation>The first person must have the role Head of staff.</translation>
    </message>
    <message>
        <source>Sie können sich nicht selbst deaktivieren.</source>
        <translation>You cannot deactivate yourself.</translation>
    </message>
    <message>
        <source>Eine Eilfreigabe braucht eine Begründung (ein ganzer Satz).</source>
        <translation>An urgent release needs a reason (a whole sentence).</translation>
    </message>
    <message>
        <source>Bitte schreiben Sie dazu, was geändert werden muss.</source>
        <translation>Please say what needs to change.</translation>
    </message>
    <message>
        <source>Der Text ist zu lang oder hat zu viele Teile.</source>
        <translation>The text is too long or has too many parts.</translation>
    </message>
    <message>
        <source>Das ist kein Bild im Format PNG, JPEG, GIF oder WebP.</source>
        <translation>This is not a PNG, JPEG, GIF or WebP image.</translation>
    </message>
    <message>
        <source>Das Bild ist zu groß (höchstens 8 MB). Bitte verkleinern.</source>
        <translation>The image is too large (at most 8 MB). Please make it smaller.</translation>
    </message>
    <message>
        <source>Die Bilddatei lässt sich nicht lesen.</source>
        <translation>The image file cannot be read.</translation>
    </message>
    <message>
        <source>Der Alternativtext ist zu lang (höchstens 1500 Zeichen).</source>
        <translation>The alt text is too long (at most 1500 characters).</translation>
    </message>
    <message>
        <source>Diese Eingabe ist nicht gültig.</source>
        <translation>This input is not valid.</translation>
    </message>
    <message>
        <source>Die Datenbank meldet einen Fehler: {detail}</source>
        <translation>The database reports an error: {detail}</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Was ist passiert?</source>
        <translation>What happened?</translation>
    </message>
    <message>
        <source>Wo?</source>
        <translation>Where?</translation>
    </message>
    <message>
        <source>Seit wann?</source>
        <translation>Since when?</translation>
    </message>
    <message>
        <source>Betroffenes Gebiet</source>
        <translation>Affected area</translation>
    </message>
    <message>
        <source>Was sollen Menschen tun?</source>
        <translation>What should people do?</translation>
    </message>
    <message>
        <source>Bürgertelefon</source>
        <translation>Citizens&apos; hotline</translation>
    </message>
    <message>
        <source>Weitere Informationen (Link)</source>
        <translation>More information (link)</translation>
    </message>
    <message>
        <source>Nächste Meldung um</source>
        <translation>Next update at</translation>
    </message>
    <message>
        <source>z. B. Großbrand Lagerhalle Hafen</source>
        <translation>e.g. Major fire, warehouse at the harbour</translation>
    </message>
    <message>
        <source>Kurz und konkret: Was ist geschehen?</source>
        <translation>Short and concrete: what has happened?</translation>
    </message>
    <message>
        <source>z. B. Hafenstraße 12, Moers</source>
        <translation>e.g. Hafenstraße 12, Moers</translation>
    </message>
    <message>
        <source>Stadtteile, Straßen, Radius</source>
        <translation>Districts, streets, radius</translation>
    </message>
    <message>
        <source>z. B. Fenster und Türen schließen, Lüftung ausschalten</source>
        <translation>e.g. close windows and doors, switch off ventilation</translation>
    </message>
    <message>
        <source>z. B. 02841 201-0</source>
        <translation>e.g. 02841 201-0</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>Die Lage braucht einen Titel.</source>
        <translation>The incident needs a title.</translation>
    </message>
    <message>
        <source>Das sieht nicht wie eine Telefonnummer aus.</source>
        <translation>This does not look like a phone number.</translation>
    </message>
    <message>
        <source>Der Link sollte mit https:// beginnen und vollständig sein.</source>
        <translation>The link should start with https:// and be complete.</translation>
    </message>
    <message>
        <source>Die angekündigte nächste Meldung ist überfällig.</source>
        <translation>The announced next update is overdue.</translation>
    </message>
    <message>
        <source>Großbrand</source>
        <translation>Major fire</translation>
    </message>
    <message>
        <source>Bombenentschärfung</source>
        <translation>Bomb disposal</translation>
    </message>
    <message>
        <source>Unwetter</source>
        <translation>Severe weather</translation>
    </message>
    <message>
        <source>Hochwasser</source>
        <translation>Flood</translation>
    </message>
    <message>
        <source>Stromausfall</source>
        <translation>Power outage</translation>
    </message>
    <message>
        <source>Sonstige</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Redaktion</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>Freigabe</source>
        <translation>Approver</translation>
    </message>
    <message>
        <source>Leitung</source>
        <translation>Head of staff</translation>
    </message>
    <message>
        <source>Lage angelegt</source>
        <translation>Incident created</translation>
    </message>
    <message>
        <source>Lagebild geändert</source>
        <translation>Situation report changed</translation>
    </message>
    <message>
        <source>Lage abgeschlossen</source>
        <translation>Incident closed</translation>
    </message>
    <message>
        <source>Lage wieder geöffnet</source>
        <translation>Incident reopened</translation>
    </message>
    <message>
        <source>Person angelegt</source>
        <translation>Person added</translation>
    </message>
    <message>
        <source>Person geändert</source>
        <translation>Person changed</translation>
    </message>
    <message>
        <source>Anmeldung</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <source>Anmeldung fehlgeschlagen</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <source>Playbook übernommen</source>
        <translation>Playbook adopted</translation>
    </message>
    <message>
        <source>Phase gewechselt</source>
        <translation>Phase changed</translation>
    </message>
    <message>
        <source>Fakt geändert</source>
        <translation>Fact changed</translation>
    </message>
    <message>
        <source>Checkliste abgehakt</source>
        <translation>Checklist ticked</translation>
    </message>
    <message>
        <source>Kanal angelegt</source>
        <translation>Channel added</translation>
    </message>
    <message>
        <source>Kanal geändert</source>
        <translation>Channel changed</translation>
    </message>
    <message>
        <source>Einstellung des Lagezentrums geändert</source>
        <translation>Crisis desk setting changed</translation>
    </message>
    <message>
        <source>Meldungssatz erstellt</source>
        <translation>Message set created</translation>
    </message>
    <message>
        <source>Meldung bearbeitet</source>
        <translation>Message edited</translation>
    </message>
    <message>
        <source>Meldung zur Freigabe vorgelegt</source>
        <translation>Message submitted for release</translation>
    </message>
    <message>
        <source>Meldung freigegeben</source>
        <translation>Message released</translation>
    </message>
    <message>
        <source>Freigabe durch Änderung aufgehoben</source>
        <translation>Release voided by a change</translation>
    </message>
    <message>
        <source>Meldung zurückgewiesen</source>
        <translation>Message sent back</translation>
    </message>
    <message>
        <source>Freigabe: falsche PIN</source>
        <translation>Release: wrong PIN</translation>
    </message>
    <message>
        <source>PIN gesperrt (zu viele falsche Eingaben)</source>
        <translation>PIN locked (too many wrong attempts)</translation>
    </message>
    <message>
        <source>Veröffentlicht</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Veröffentlichung fehlgeschlagen</source>
        <translation>Publishing failed</translation>
    </message>
    <message>
        <source>Veröffentlichung unklar</source>
        <translation>Publishing unclear</translation>
    </message>
    <message>
        <source>Erneut senden</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>Versand abgebrochen</source>
        <translation>Sending cancelled</translation>
    </message>
    <message>
        <source>Beitrag zurückgezogen</source>
        <translation>Post retracted</translation>
    </message>
    <message>
        <source>Von Hand veröffentlicht</source>
        <translation>Published by hand</translation>
    </message>
    <message>
        <source>Sendezeit festgelegt</source>
        <translation>Send time set</translation>
    </message>
    <message>
        <source>Zugangsdaten eines Kanals geändert</source>
        <translation>Channel credentials changed</translation>
    </message>
    <message>
        <source>Quelle des Dialogs hinzugefügt</source>
        <translation>Dialogue source added</translation>
    </message>
    <message>
        <source>Bürgeranfrage bearbeitet</source>
        <translation>Citizen&apos;s question handled</translation>
    </message>
    <message>
        <source>Übung gestartet</source>
        <translation>Drill started</translation>
    </message>
    <message>
        <source>Übungsuhr geändert</source>
        <translation>Drill clock changed</translation>
    </message>
    <message>
        <source>Einspielung hinzugefügt</source>
        <translation>Inject added</translation>
    </message>
    <message>
        <source>Übung beendet</source>
        <translation>Drill ended</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Kurzer Beitrag</source>
        <translation>Short post</translation>
    </message>
    <message>
        <source>Webseite</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>E-Mail / Pressemitteilung</source>
        <translation>E-mail / press release</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Warnung (CAP)</source>
        <translation>Alert (CAP)</translation>
    </message>
    <message>
        <source>Deutsch</source>
        <translation>German</translation>
    </message>
    <message>
        <source>Leichte Sprache</source>
        <translation>Easy German (Leichte Sprache)</translation>
    </message>
    <message>
        <source>Englisch</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Türkisch</source>
        <translation>Turkish</translation>
    </message>
    <message>
        <source>Arabisch</source>
        <translation>Arabic</translation>
    </message>
    <message>
        <source>Ukrainisch</source>
        <translation>Ukrainian</translation>
    </message>
    <message>
        <source>Russisch</source>
        <translation>Russian</translation>
    </message>
    <message>
        <source>Frage</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Hinweis</source>
        <translation>Hint</translation>
    </message>
    <message>
        <source>Gerücht</source>
        <translation>Rumour</translation>
    </message>
    <message>
        <source>Beschwerde</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Presseanfrage</source>
        <translation>Press request</translation>
    </message>
    <message>
        <source>Notfall</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Sonstiges</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Betreff / Überschrift</source>
        <translation>Subject / headline</translation>
    </message>
    <message>
        <source>Schlagzeile</source>
        <translation>Headline</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Handlungsempfehlung</source>
        <translation>Instruction</translation>
    </message>
    <message>
        <source>Zeichen</source>
        <translation>characters</translation>
    </message>
    <message>
        <source>Zeichen (gewichtet)</source>
        <translation>characters (weighted)</translation>
    </message>
    <message>
        <source>SMS-Teile</source>
        <translation>SMS segments</translation>
    </message>
</context>
<context>
    <name>NewIncidentDialog</name>
    <message>
        <source>Neue Lage anlegen</source>
        <translation>Create new incident</translation>
    </message>
    <message>
        <source>(ohne Playbook)</source>
        <translation>(no playbook)</translation>
    </message>
    <message>
        <source>Playbooks werden geprüft …</source>
        <translation>Checking the playbooks …</translation>
    </message>
    <message>
        <source>Mit Playbook: Fakten-Formular, Checklisten und Meldungen stehen bereit.</source>
        <translation>With a playbook: facts form, checklists and messages are ready.</translation>
    </message>
    <message>
        <source>z. B. Großbrand Lagerhalle Hafen</source>
        <translation>e.g. Major fire, warehouse at the harbour</translation>
    </message>
    <message>
        <source>Echtlage – Meldungen gehen an die Öffentlichkeit</source>
        <translation>Real incident – messages go to the public</translation>
    </message>
    <message>
        <source>Übung – nichts erreicht die Öffentlichkeit</source>
        <translation>Drill – nothing reaches the public</translation>
    </message>
    <message>
        <source>Echtlage oder Übung lässt sich später nicht mehr ändern.</source>
        <translation>Real incident or drill cannot be changed later.</translation>
    </message>
    <message>
        <source>Anlegen</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Playbook</source>
        <translation>&amp;Playbook</translation>
    </message>
    <message>
        <source>&amp;Titel</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Art</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>Modus</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Bitte geben Sie einen Titel ein.</source>
        <translation>Please enter a title.</translation>
    </message>
    <message>
        <source>Bitte wählen Sie: Echtlage oder Übung.</source>
        <translation>Please choose: real incident or drill.</translation>
    </message>
</context>
<context>
    <name>OptionalDateTimeEdit</name>
    <message>
        <source>Uhrzeit angeben</source>
        <translation>Set a time</translation>
    </message>
    <message>
        <source>Jetzt</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Aktuelle Uhrzeit eintragen</source>
        <translation>Enter the current time</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Beenden</source>
        <extracomment>Whether the person this dialog yields becomes the remembered one of this console.</extracomment>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Kriseninfo – Anmelden</source>
        <translation>Kriseninfo – sign in</translation>
    </message>
    <message>
        <source>Wer arbeitet an dieser Konsole?</source>
        <translation>Who is working at this console?</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Person</translation>
    </message>
    <message>
        <source>P&amp;IN</source>
        <translation>P&amp;IN</translation>
    </message>
    <message>
        <source>Anmelden</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Kriseninfo – Ersteinrichtung</source>
        <translation>Kriseninfo – first-time setup</translation>
    </message>
    <message>
        <source>Willkommen bei Kriseninfo. Legen Sie zuerst sich selbst an. Die erste Person erhält die Rolle Leitung und kann weitere Personen hinzufügen.</source>
        <translation>Welcome to Kriseninfo. First add yourself. The first person gets the role Head of staff and can add further people.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;PIN (4–12 Ziffern)</source>
        <translation>&amp;PIN (4–12 digits)</translation>
    </message>
    <message>
        <source>PIN &amp;wiederholen</source>
        <translation>&amp;Repeat PIN</translation>
    </message>
    <message>
        <source>Anlegen</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Die beiden PINs stimmen nicht überein.</source>
        <translation>The two PINs do not match.</translation>
    </message>
    <message>
        <source>Person hinzufügen</source>
        <translation>Add person</translation>
    </message>
    <message>
        <source>Die Person ändert ihre PIN später selbst in den Einstellungen.</source>
        <translation>The person changes their PIN later in Settings.</translation>
    </message>
    <message>
        <source>&amp;Rolle</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>Hinzufügen</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PhasePreview</name>
    <message>
        <source>&amp;Phase</source>
        <translation>&amp;Phase</translation>
    </message>
    <message>
        <source>&amp;Sprache</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&lt;b&gt;Checkliste&lt;/b&gt;</source>
        <translation>&lt;b&gt;Checklist&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{length} / {maximum} {unit}</source>
        <translation>{length} / {maximum} {unit}</translation>
    </message>
</context>
<context>
    <name>PlatformPreview</name>
    <message>
        <source>Vorschau</source>
        <extracomment>Per platform: its look and an accent colour with white text on it at 4.5:1 or better. Dark blue on white and on the SMS grey: 6:1 or better.</extracomment>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Betreff: {subject}</source>
        <extracomment>The labels holding the text of each part, in order (for tests and screen readers).</extracomment>
        <translation>Subject: {subject}</translation>
    </message>
    <message>
        <source>(kein Betreff)</source>
        <translation>(no subject)</translation>
    </message>
    <message>
        <source>(kein Text)</source>
        <translation>(no text)</translation>
    </message>
    <message>
        <source>1 Bild angehängt</source>
        <translation>1 image attached</translation>
    </message>
    <message>
        <source>{count} Bilder angehängt</source>
        <translation>{count} images attached</translation>
    </message>
    <message>
        <source>Teil {number} von {count}</source>
        <translation>Part {number} of {count}</translation>
    </message>
</context>
<context>
    <name>PlaybookEditor</name>
    <message>
        <source>Playbook als YAML</source>
        <translation>Playbook as YAML</translation>
    </message>
    <message>
        <source>Mitgelieferte Playbooks sind schreibgeschützt. „Zum Bearbeiten kopieren“ legt eine eigene Kopie an.</source>
        <translation>Bundled playbooks are read-only. “Copy to edit” makes your own copy.</translation>
    </message>
    <message>
        <source>Änderungen werden beim Tippen geprüft und gespeichert: {path}</source>
        <translation>Changes are checked and saved as you type: {path}</translation>
    </message>
    <message>
        <source>Wird geprüft und gespeichert …</source>
        <translation>Checking and saving …</translation>
    </message>
    <message>
        <source>Nicht gespeichert: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <source>Gespeichert. {errors} Fehler, {warnings} Hinweise.</source>
        <translation>Saved. {errors} errors, {warnings} warnings.</translation>
    </message>
</context>
<context>
    <name>PlaybookTableModel</name>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Sprachen</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Freigabe</source>
        <translation>Approver</translation>
    </message>
    <message>
        <source>Prüfung</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Herkunft</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Freigegeben von {who}</source>
        <translation>Approved by {who}</translation>
    </message>
    <message>
        <source>mitgeliefert</source>
        <translation>bundled</translation>
    </message>
    <message>
        <source>eigenes</source>
        <translation>own</translation>
    </message>
    <message>
        <source>Entwurf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>{count} Fehler</source>
        <translation>{count} errors</translation>
    </message>
    <message>
        <source>{count} Hinweise</source>
        <translation>{count} warnings</translation>
    </message>
    <message>
        <source>in Ordnung</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>PlaybooksView</name>
    <message>
        <source>Playbooks</source>
        <translation>Playbooks</translation>
    </message>
    <message>
        <source>Zum &amp;Bearbeiten kopieren</source>
        <translation>&amp;Copy to edit</translation>
    </message>
    <message>
        <source>&amp;Importieren …</source>
        <translation>&amp;Import …</translation>
    </message>
    <message>
        <source>E&amp;xportieren …</source>
        <translation>E&amp;xport …</translation>
    </message>
    <message>
        <source>Textbaustein</source>
        <translation>Answer snippet</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Zeit</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Kanal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Absender</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Erwartet</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>&amp;Phasen und Texte</source>
        <translation>&amp;Phases and texts</translation>
    </message>
    <message>
        <source>&amp;Textbausteine</source>
        <translation>&amp;Answer snippets</translation>
    </message>
    <message>
        <source>Ü&amp;bungs-Einspielungen</source>
        <translation>&amp;Drill injects</translation>
    </message>
    <message>
        <source>&amp;YAML und Prüfung</source>
        <translation>&amp;YAML and check</translation>
    </message>
    <message>
        <source>Fragen</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Playbook importieren</source>
        <translation>Import playbook</translation>
    </message>
    <message>
        <source>Playbooks (*.yaml *.yml)</source>
        <translation>Playbooks (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Playbook exportieren</source>
        <translation>Export playbook</translation>
    </message>
    <message>
        <source>Exportiert nach {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <source>Gespeichert als {path}</source>
        <translation>Saved as {path}</translation>
    </message>
    <message>
        <source>Zeile {line}: </source>
        <translation>Line {line}: </translation>
    </message>
    <message>
        <source>Playbook nicht importiert</source>
        <translation>Playbook not imported</translation>
    </message>
    <message>
        <source>Das Playbook hat {count} Fehler und wurde nicht übernommen.</source>
        <translation>The playbook has {count} errors and was not taken over.</translation>
    </message>
    <message>
        <source>Import abgelehnt: {count} Fehler.</source>
        <translation>Import refused: {count} errors.</translation>
    </message>
    <message>
        <source>Dateifehler: {reason}</source>
        <translation>File error: {reason}</translation>
    </message>
</context>
<context>
    <name>ProblemList</name>
    <message>
        <source>Keine Fehler und keine Hinweise.</source>
        <translation>No errors and no warnings.</translation>
    </message>
    <message>
        <source>Fehler</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Hinweis</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Zeile {line}</source>
        <translation>Line {line}</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>Die Datei lässt sich nicht lesen: {reason}</source>
        <translation>The file cannot be read: {reason}</translation>
    </message>
    <message>
        <source>Die Datei ist zu groß ({size} Bytes, höchstens {limit}).</source>
        <translation>The file is too large ({size} bytes, at most {limit}).</translation>
    </message>
    <message>
        <source>Die Datei enthält Zeichen, die kein UTF-8 sind.</source>
        <translation>The file contains characters that are not UTF-8.</translation>
    </message>
    <message>
        <source>YAML-Fehler: {detail}</source>
        <translation>YAML error: {detail}</translation>
    </message>
    <message>
        <source>Die Datei ist zu tief verschachtelt.</source>
        <translation>The file is nested too deeply.</translation>
    </message>
    <message>
        <source>Anker und Verweise (&amp;, *) sind in Playbooks nicht erlaubt.</source>
        <translation>Anchors and aliases (&amp;, *) are not allowed in playbooks.</translation>
    </message>
    <message>
        <source>YAML-Tags wie {tag} sind nicht erlaubt.</source>
        <translation>YAML tags such as {tag} are not allowed.</translation>
    </message>
    <message>
        <source>Der Schlüssel „{key}“ steht doppelt da.</source>
        <translation>The key “{key}” appears twice.</translation>
    </message>
    <message>
        <source>Ein Playbook besteht aus Schlüsseln und Werten (id, title, …).</source>
        <translation>A playbook consists of keys and values (id, title, …).</translation>
    </message>
    <message>
        <source>Unbekannter Schlüssel „{key}“.</source>
        <translation>Unknown key “{key}”.</translation>
    </message>
    <message>
        <source>„{key}“ fehlt.</source>
        <translation>“{key}” is missing.</translation>
    </message>
    <message>
        <source>Ungültiger Wert {value}: {why}</source>
        <translation>Invalid value {value}: {why}</translation>
    </message>
    <message>
        <source>Die id „{id}“ kommt zweimal vor.</source>
        <translation>The id “{id}” is used twice.</translation>
    </message>
    <message>
        <source>Das Beispiel für „{parameter}“ passt nicht zum Typ {type}: {reason}</source>
        <translation>The example of “{parameter}” does not fit the type {type}: {reason}</translation>
    </message>
    <message>
        <source>Hier fehlt „{field}“.</source>
        <translation>“{field}” is missing here.</translation>
    </message>
    <message>
        <source>„{field}“ gibt es für {kind} nicht.</source>
        <translation>{kind} has no “{field}”.</translation>
    </message>
    <message>
        <source>Der Text in der Sprache „{language}“ fehlt.</source>
        <translation>The text in “{language}” is missing.</translation>
    </message>
    <message>
        <source>Fehler in der Vorlage: {detail}</source>
        <translation>Error in the template: {detail}</translation>
    </message>
    <message>
        <source>„{name}“ ist kein Parameter dieses Playbooks.</source>
        <translation>“{name}” is not a parameter of this playbook.</translation>
    </message>
    <message>
        <source>Diese Vorlage verwendet etwas, das nicht erlaubt ist: {construct}</source>
        <translation>This template uses something that is not allowed: {construct}</translation>
    </message>
    <message>
        <source>Die Vorlage lässt sich mit den Beispielwerten nicht füllen: {reason}</source>
        <translation>The template cannot be filled with the example values: {reason}</translation>
    </message>
    <message>
        <source>Der Parameter „{parameter}“ wird in keiner Vorlage verwendet.</source>
        <translation>The parameter “{parameter}” is used by no template.</translation>
    </message>
    <message>
        <source>Zu lang: {length} statt höchstens {maximum} ({unit}).</source>
        <translation>Too long: {length} instead of at most {maximum} ({unit}).</translation>
    </message>
    <message>
        <source>Es gibt keine Phase „{name}“.</source>
        <translation>There is no phase “{name}”.</translation>
    </message>
    <message>
        <source>Es gibt keinen Textbaustein „{name}“.</source>
        <translation>There is no answer snippet “{name}”.</translation>
    </message>
    <message>
        <source>Die Einspielung um {at} steht vor einer früheren.</source>
        <translation>The inject at {at} comes before an earlier one.</translation>
    </message>
    <message>
        <source>Die Einspielung um {at} liegt nach dem Übungsende ({end}).</source>
        <translation>The inject at {at} is after the end of the drill ({end}).</translation>
    </message>
    <message>
        <source>„{name}“ ist kein Radius-Parameter (radius_m).</source>
        <translation>“{name}” is not a radius parameter (radius_m).</translation>
    </message>
    <message>
        <source>Satz mit {words} Wörtern (höchstens {limit}): „{start}“</source>
        <translation>Sentence of {words} words (at most {limit}): “{start}”</translation>
    </message>
    <message>
        <source>Die Prüfung ist gescheitert: {reason}</source>
        <translation>The check failed: {reason}</translation>
    </message>
    <message>
        <source>„{word}“ ist Amtsdeutsch. Besser: „{suggestion}“.</source>
        <translation>“{word}” is officialese. Better: “{suggestion}”.</translation>
    </message>
    <message>
        <source>Setzen Sie den Text in Anführungszeichen, z. B. &quot;Frage: Antwort?&quot;.</source>
        <translation>Put the text in quotes, e.g. &quot;Question: answer?&quot;.</translation>
    </message>
    <message>
        <source>Meinten Sie „{suggestion}“?</source>
        <translation>Did you mean “{suggestion}”?</translation>
    </message>
    <message>
        <source>Hier gehört ein Text hin.</source>
        <translation>A text belongs here.</translation>
    </message>
    <message>
        <source>Hier gehört eine ganze Zahl hin.</source>
        <translation>A whole number belongs here.</translation>
    </message>
    <message>
        <source>Hier gehört true oder false hin.</source>
        <translation>true or false belongs here.</translation>
    </message>
    <message>
        <source>Hier gehört eine Liste hin (- …).</source>
        <translation>A list belongs here (- …).</translation>
    </message>
    <message>
        <source>Hier gehören Schlüssel und Werte hin.</source>
        <translation>Keys and values belong here.</translation>
    </message>
    <message>
        <source>Hier gehört ein Datum hin, z. B. 2026-10-01.</source>
        <translation>A date belongs here, e.g. 2026-10-01.</translation>
    </message>
    <message>
        <source>Die Schreibweise passt nicht (ids: nur a–z, 0–9 und _).</source>
        <translation>The spelling does not fit (ids: only a–z, 0–9 and _).</translation>
    </message>
    <message>
        <source>Das darf nicht leer sein.</source>
        <translation>This must not be empty.</translation>
    </message>
    <message>
        <source>Hier fehlt mindestens ein Eintrag.</source>
        <translation>At least one entry is missing here.</translation>
    </message>
    <message>
        <source>Der Text ist zu lang.</source>
        <translation>The text is too long.</translation>
    </message>
    <message>
        <source>Erlaubt sind: {choices}</source>
        <translation>Allowed are: {choices}</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <source>geplant</source>
        <translation>scheduled</translation>
    </message>
    <message>
        <source>wartet</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>wird gesendet</source>
        <translation>sending</translation>
    </message>
    <message>
        <source>gesendet</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>unklar</source>
        <translation>unclear</translation>
    </message>
    <message>
        <source>fehlgeschlagen</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>zurückgezogen</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <source>auf die Sendezeit</source>
        <translation>for its send time</translation>
    </message>
    <message>
        <source>auf den vorigen Teil</source>
        <translation>for the previous part</translation>
    </message>
    <message>
        <source>kein Netz – wird automatisch wiederholt</source>
        <translation>no network – retried automatically</translation>
    </message>
    <message>
        <source>Plattform bremst – wird automatisch wiederholt</source>
        <translation>platform rate limit – retried automatically</translation>
    </message>
    <message>
        <source>Serverfehler – wird automatisch wiederholt</source>
        <translation>server error – retried automatically</translation>
    </message>
    <message>
        <source>Kanal pausiert nach mehreren Fehlern</source>
        <translation>channel paused after several errors</translation>
    </message>
    <message>
        <source>von Hand veröffentlichen, dann „Erledigt“</source>
        <translation>publish by hand, then “Done”</translation>
    </message>
    <message>
        <source>Zugangsdaten fehlen an dieser Konsole</source>
        <translation>credentials missing on this console</translation>
    </message>
    <message>
        <source>wird auf der Plattform gelöscht</source>
        <translation>being deleted on the platform</translation>
    </message>
    <message>
        <source>Die Plattform hat den Beitrag abgelehnt.</source>
        <translation>The platform refused the post.</translation>
    </message>
    <message>
        <source>Text prüfen (Länge, Links), als Korrektur neu erstellen und freigeben.</source>
        <translation>Check the text (length, links), create it again as a correction and release it.</translation>
    </message>
    <message>
        <source>Der Text ist für die Plattform zu lang.</source>
        <translation>The text is too long for the platform.</translation>
    </message>
    <message>
        <source>Kürzen oder als Thread aufteilen, dann neu freigeben.</source>
        <translation>Shorten it or split it into a thread, then release again.</translation>
    </message>
    <message>
        <source>Die Zugangsdaten wurden abgelehnt.</source>
        <translation>The credentials were refused.</translation>
    </message>
    <message>
        <source>Einstellungen → Kanäle: Zugangsdaten erneuern, dann „Erneut senden“.</source>
        <translation>Settings → Channels: renew the credentials, then “Send again”.</translation>
    </message>
    <message>
        <source>Das Konto darf hier nicht veröffentlichen.</source>
        <translation>The account may not publish here.</translation>
    </message>
    <message>
        <source>Rechte des Kontos auf der Plattform prüfen, dann „Erneut senden“.</source>
        <translation>Check the account&apos;s rights on the platform, then “Send again”.</translation>
    </message>
    <message>
        <source>Das Konto ist auf der Plattform gesperrt.</source>
        <translation>The account is blocked on the platform.</translation>
    </message>
    <message>
        <source>Plattform-Betreiber kontaktieren; Meldung über andere Kanäle senden.</source>
        <translation>Contact the platform operator; send the message through other channels.</translation>
    </message>
    <message>
        <source>Die Plattform kennt das Ziel nicht (Konto, Raum oder Kanal).</source>
        <translation>The platform does not know the target (account, room or channel).</translation>
    </message>
    <message>
        <source>Einstellungen → Kanäle: Adresse prüfen.</source>
        <translation>Settings → Channels: check the address.</translation>
    </message>
    <message>
        <source>Der Telegram-Kanal wurde nicht gefunden.</source>
        <translation>The Telegram channel was not found.</translation>
    </message>
    <message>
        <source>Einstellungen → Kanäle: Kanalname prüfen; der Bot muss Admin sein.</source>
        <translation>Settings → Channels: check the channel name; the bot must be an admin.</translation>
    </message>
    <message>
        <source>Der Beitrag, auf den geantwortet wird, existiert nicht mehr.</source>
        <translation>The post this replies to no longer exists.</translation>
    </message>
    <message>
        <source>Diesen Teil abbrechen oder als eigene Meldung neu erstellen.</source>
        <translation>Cancel this part or create it again as a message of its own.</translation>
    </message>
    <message>
        <source>Die Plattform hält den Beitrag für eine Wiederholung.</source>
        <translation>The platform considers the post a duplicate.</translation>
    </message>
    <message>
        <source>Prüfen, ob er schon sichtbar ist; sonst Text leicht ändern und neu freigeben.</source>
        <translation>Check whether it is already visible; otherwise change the text slightly and release again.</translation>
    </message>
    <message>
        <source>Ein Bild oder der Beitrag ist zu groß.</source>
        <translation>An image or the post is too large.</translation>
    </message>
    <message>
        <source>Kleineres Bild anhängen und neu freigeben.</source>
        <translation>Attach a smaller image and release again.</translation>
    </message>
    <message>
        <source>Dieses Bildformat nimmt der Kanal nicht an.</source>
        <translation>The channel does not accept this image format.</translation>
    </message>
    <message>
        <source>Bild als JPEG oder PNG anhängen und neu freigeben.</source>
        <translation>Attach the image as JPEG or PNG and release again.</translation>
    </message>
    <message>
        <source>Instagram braucht ein Bild.</source>
        <translation>Instagram needs an image.</translation>
    </message>
    <message>
        <source>Bild mit Alternativtext anhängen und neu freigeben.</source>
        <translation>Attach an image with alt text and release again.</translation>
    </message>
    <message>
        <source>Die Einstellungen des Kanals sind unvollständig.</source>
        <translation>The channel&apos;s settings are incomplete.</translation>
    </message>
    <message>
        <source>Einstellungen → Kanäle: fehlende Angaben ergänzen, dann „Erneut senden“.</source>
        <translation>Settings → Channels: fill in what is missing, then “Send again”.</translation>
    </message>
    <message>
        <source>Der Ordner der Website ist nicht erreichbar.</source>
        <translation>The website folder cannot be reached.</translation>
    </message>
    <message>
        <source>Laufwerk/Freigabe prüfen, dann „Erneut senden“.</source>
        <translation>Check the drive/share, then “Send again”.</translation>
    </message>
    <message>
        <source>Die verschlüsselte Verbindung wurde abgelehnt (Zertifikat).</source>
        <translation>The encrypted connection was refused (certificate).</translation>
    </message>
    <message>
        <source>IT fragen: Zertifikat des Servers prüfen.</source>
        <translation>Ask IT to check the server&apos;s certificate.</translation>
    </message>
    <message>
        <source>Dieser Kanal kann Beiträge nicht automatisch löschen.</source>
        <translation>This channel cannot delete posts automatically.</translation>
    </message>
    <message>
        <source>Beitrag von Hand auf der Plattform löschen.</source>
        <translation>Delete the post on the platform by hand.</translation>
    </message>
    <message>
        <source>Gesendet, aber die Antwort der Plattform ging verloren.</source>
        <translation>Sent, but the platform&apos;s answer was lost.</translation>
    </message>
    <message>
        <source>Auf der Plattform nachsehen: ist der Beitrag da? Dann „Ist veröffentlicht“, sonst „Erneut senden“.</source>
        <translation>Look on the platform: is the post there? Then “Is published”, otherwise “Send again”.</translation>
    </message>
    <message>
        <source>Der Kanal meldet einen Fehler.</source>
        <translation>The channel reports an error.</translation>
    </message>
    <message>
        <source>Details lesen; wenn der Fehler bleibt, über einen anderen Kanal informieren.</source>
        <translation>Read the details; if the error persists, inform through another channel.</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <source>Zustand der Kanäle</source>
        <extracomment>How many deliveries need an officer (fehlgeschlagen, unklar): the red badge. Deliveries that newly failed or became unclear (notify the desktop once each). &quot;Korrektur senden&quot;: the Meldungen area prepares a correction, threaded under this.</extracomment>
        <translation>State of the channels</translation>
    </message>
    <message>
        <source>Kanal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Zustand</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Zuletzt gesendet</source>
        <translation>Last sent</translation>
    </message>
    <message>
        <source>Letzter Fehler</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>Sendungen</source>
        <translation>Deliveries</translation>
    </message>
    <message>
        <source>Nur die aktive Lage</source>
        <translation>Only the active incident</translation>
    </message>
    <message>
        <source>Nur Probleme</source>
        <translation>Only problems</translation>
    </message>
    <message>
        <source>Text des Beitrags</source>
        <translation>Text of the post</translation>
    </message>
    <message>
        <source>&amp;Erneut senden</source>
        <translation>S&amp;end again</translation>
    </message>
    <message>
        <source>&amp;Abbrechen …</source>
        <translation>C&amp;ancel …</translation>
    </message>
    <message>
        <source>Ist &amp;veröffentlicht …</source>
        <translation>Is pu&amp;blished …</translation>
    </message>
    <message>
        <source>E&amp;rledigt …</source>
        <translation>Do&amp;ne …</translation>
    </message>
    <message>
        <source>&amp;Zurückziehen …</source>
        <translation>&amp;Retract …</translation>
    </message>
    <message>
        <source>Beitrag ö&amp;ffnen</source>
        <translation>&amp;Open post</translation>
    </message>
    <message>
        <source>&amp;Korrektur senden …</source>
        <translation>Send &amp;correction …</translation>
    </message>
    <message>
        <source>Erstellt eine Korrektur, die auf den Plattformen unter diesem Beitrag steht</source>
        <translation>Creates a correction that appears under this post on the platforms</translation>
    </message>
    <message>
        <source>Text k&amp;opieren</source>
        <translation>Cop&amp;y text</translation>
    </message>
    <message>
        <source>Kanäle</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>{sent} gesendet · {pending} offen · {problems} Probleme</source>
        <translation>{sent} sent · {pending} pending · {problems} problems</translation>
    </message>
    <message>
        <source>Zugangsdaten fehlen</source>
        <translation>Credentials missing</translation>
    </message>
    <message>
        <source>pausiert bis {time} ({n} Fehler in Folge)</source>
        <translation>paused until {time} ({n} errors in a row)</translation>
    </message>
    <message>
        <source>gestört ({n} Fehler in Folge)</source>
        <translation>disturbed ({n} errors in a row)</translation>
    </message>
    <message>
        <source>letzter Versuch fehlgeschlagen</source>
        <translation>last attempt failed</translation>
    </message>
    <message>
        <source>bereit</source>
        <translation>ready</translation>
    </message>
    <message>
        <source>Keine Sendung ausgewählt.</source>
        <translation>No delivery selected.</translation>
    </message>
    <message>
        <source>{account}, Teil {part}/{total}: {state}</source>
        <translation>{account}, part {part}/{total}: {state}</translation>
    </message>
    <message>
        <source>Was tun: {todo}</source>
        <translation>What to do: {todo}</translation>
    </message>
    <message>
        <source>Was tun: Text kopieren, veröffentlichen, dann „Erledigt“.</source>
        <translation>What to do: copy the text, publish it, then “Done”.</translation>
    </message>
    <message>
        <source>Warteschlange</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Erneut senden?</source>
        <translation>Send again?</translation>
    </message>
    <message>
        <source>Ob dieser Beitrag schon veröffentlicht ist, ist unklar. Bitte zuerst auf der Plattform nachsehen: Erneut senden kann ihn doppelt veröffentlichen.

Trotzdem erneut senden?</source>
        <translation>It is unclear whether this post is already published. Please look on the platform first: sending again may publish it twice.

Send again anyway?</translation>
    </message>
    <message>
        <source>Sendung abbrechen?</source>
        <translation>Cancel delivery?</translation>
    </message>
    <message>
        <source>„{account}“, Teil {part}: nicht senden? Spätere Teile des Threads werden ebenfalls nicht gesendet.</source>
        <translation>“{account}”, part {part}: do not send? Later parts of the thread are not sent either.</translation>
    </message>
    <message>
        <source>Beitrag zurückziehen?</source>
        <translation>Retract post?</translation>
    </message>
    <message>
        <source>Den Beitrag auf „{account}“ auf der Plattform löschen? Wer ihn schon gesehen hat, hat ihn gesehen – eine Korrektur erklärt mehr.</source>
        <translation>Delete the post on “{account}” on the platform? Whoever saw it has seen it – a correction explains more.</translation>
    </message>
</context>
<context>
    <name>RealBanner</name>
    <message>
        <source>ECHTLAGE – Meldungen dieser Lage gehen an die Öffentlichkeit</source>
        <translation>REAL INCIDENT – messages of this incident go to the public</translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <source>Freigabe – {purpose}</source>
        <extracomment>(mode, person id, PIN, reason or comment) → the released or rejected set.</extracomment>
        <translation>Release – {purpose}</translation>
    </message>
    <message>
        <source>&amp;Vier-Augen-Freigabe durch zweite Person</source>
        <translation>&amp;Four-eyes release by a second person</translation>
    </message>
    <message>
        <source>&amp;Fakten bestätigen (unveränderte, vorab freigegebene Texte)</source>
        <translation>Con&amp;firm facts (unchanged, pre-approved texts)</translation>
    </message>
    <message>
        <source>&amp;Eilfreigabe (akute Gefahr, mit Begründung)</source>
        <translation>&amp;Urgent release (acute danger, with a reason)</translation>
    </message>
    <message>
        <source>&amp;Zurückweisen mit Kommentar</source>
        <translation>&amp;Send back with a comment</translation>
    </message>
    <message>
        <source>&amp;Begründung</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Später freigeben</source>
        <translation>Release later</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Person</translation>
    </message>
    <message>
        <source>P&amp;IN</source>
        <translation>P&amp;IN</translation>
    </message>
    <message>
        <source>&amp;Kommentar</source>
        <translation>&amp;Comment</translation>
    </message>
    <message>
        <source>Freigeben</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Fakten bestätigen und freigeben</source>
        <translation>Confirm facts and release</translation>
    </message>
    <message>
        <source>Eilfreigabe erteilen</source>
        <translation>Grant urgent release</translation>
    </message>
    <message>
        <source>Zurückweisen</source>
        <translation>Send back</translation>
    </message>
    <message>
        <source>Freigeben darf eine Person mit der Rolle Freigabe oder Leitung, die die Meldungen nicht zuletzt bearbeitet hat.</source>
        <translation>A person with the role Approver or Head of staff who did not edit the messages last may release them.</translation>
    </message>
    <message>
        <source>Nur unveränderte Texte aus einem freigegebenen Playbook. Prüfen Sie jeden eingesetzten Fakt; geänderte Meldungen bleiben für die Vier-Augen-Freigabe.</source>
        <translation>Only unchanged texts from a released playbook. Check every fact filled in; changed messages stay for the four-eyes release.</translation>
    </message>
    <message>
        <source>Nur bei akuter Gefahr. Die Eilfreigabe wird mit Ihrer Begründung im Einsatztagebuch und an den Meldungen vermerkt.</source>
        <translation>Only in acute danger. The urgent release is recorded with your reason in the incident journal and on the messages.</translation>
    </message>
    <message>
        <source>Die Meldungen gehen mit Ihrem Kommentar zurück in den Entwurf.</source>
        <translation>The messages go back to draft with your comment.</translation>
    </message>
    <message>
        <source>Niemand hier darf freigeben: Es braucht eine zweite Person mit der Rolle Freigabe oder Leitung.</source>
        <translation>Nobody here may release: a second person with the role Approver or Head of staff is needed.</translation>
    </message>
</context>
<context>
    <name>ReleaseRulesPanel</name>
    <message>
        <source>Unveränderte Texte freigegebener Playbooks: Bestätigen der Fakten genügt</source>
        <translation>Unchanged texts of released playbooks: confirming the facts is enough</translation>
    </message>
    <message>
        <source>Eilfreigabe erlauben (Selbstfreigabe bei akuter Gefahr, mit Begründung)</source>
        <translation>Allow urgent release (self-release in acute danger, with a reason)</translation>
    </message>
    <message>
        <source>Nur Personen mit der Rolle Leitung</source>
        <translation>Only people with the role Head of staff</translation>
    </message>
</context>
<context>
    <name>ReviewExport</name>
    <message>
        <source>Nachbereitung speichern</source>
        <translation>Save after-action review</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html)</source>
        <translation>PDF (*.pdf);;HTML (*.html)</translation>
    </message>
    <message>
        <source>Nachbereitung nicht erstellt: {reason}</source>
        <translation>After-action review not written: {reason}</translation>
    </message>
    <message>
        <source>Nachbereitung gespeichert: {path}</source>
        <translation>After-action review saved: {path}</translation>
    </message>
    <message>
        <source>Nachbereitung wird erstellt …</source>
        <translation>Writing the after-action review …</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Sendezeit</source>
        <translation>Send time</translation>
    </message>
    <message>
        <source>&amp;Bei Freigabe senden</source>
        <translation>Send on &amp;release</translation>
    </message>
    <message>
        <source>Senden &amp;um:</source>
        <translation>Send &amp;at:</translation>
    </message>
    <message>
        <source>Freigegebene Meldungen warten bis zu dieser Zeit in der Warteschlange.</source>
        <translation>Released messages wait in the queue until this time.</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Sprache</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>&amp;Sprache der Oberfläche</source>
        <translation>&amp;Interface language</translation>
    </message>
    <message>
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Person &amp;hinzufügen …</source>
        <translation>&amp;Add person …</translation>
    </message>
    <message>
        <source>(De)&amp;aktivieren</source>
        <translation>(De)&amp;activate</translation>
    </message>
    <message>
        <source>Nur Personen mit der Rolle Leitung</source>
        <translation>Only people with the role Head of staff</translation>
    </message>
    <message>
        <source>Personen und Rollen</source>
        <translation>People and roles</translation>
    </message>
    <message>
        <source>PIN ä&amp;ndern</source>
        <translation>Cha&amp;nge PIN</translation>
    </message>
    <message>
        <source>Eigene PIN ändern ({name})</source>
        <translation>Change your own PIN ({name})</translation>
    </message>
    <message>
        <source>Bisherige PIN</source>
        <translation>Current PIN</translation>
    </message>
    <message>
        <source>Neue PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>Neue PIN wiederholen</source>
        <translation>Repeat new PIN</translation>
    </message>
    <message>
        <source>Diese Installation</source>
        <translation>This installation</translation>
    </message>
    <message>
        <source>Datenbank</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Datenordner</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Protokolle</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>Kanäle</source>
        <extracomment>Kanäle: the channel accounts; the main window tells it the active incident.</extracomment>
        <translation>Channels</translation>
    </message>
    <message>
        <source>Freigaberegeln (für alle Konsolen)</source>
        <translation>Release rules (for all consoles)</translation>
    </message>
    <message>
        <source>(deaktiviert)</source>
        <translation>(deactivated)</translation>
    </message>
    <message>
        <source>Bitte wählen Sie zuerst eine Person aus.</source>
        <translation>Please select a person first.</translation>
    </message>
    <message>
        <source>{name} deaktivieren? Die Person kann sich dann nicht mehr anmelden.</source>
        <translation>Deactivate {name}? They can then no longer sign in.</translation>
    </message>
    <message>
        <source>{name} wieder aktivieren?</source>
        <translation>Activate {name} again?</translation>
    </message>
    <message>
        <source>Person ändern</source>
        <translation>Change person</translation>
    </message>
    <message>
        <source>Die beiden neuen PINs stimmen nicht überein.</source>
        <translation>The two new PINs do not match.</translation>
    </message>
    <message>
        <source>Ihre PIN wurde geändert.</source>
        <translation>Your PIN has been changed.</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <source>Quelle hinzufügen</source>
        <extracomment>Seconds between two polls: the core refuses to ask a server more often than this. What `save` returned, once the source is stored.</extracomment>
        <translation>Add source</translation>
    </message>
    <message>
        <source>z. B. Mastodon #moers</source>
        <translation>e.g. Mastodon #moers</translation>
    </message>
    <message>
        <source>z. B. https://social.example/tags/moers.rss</source>
        <translation>e.g. https://social.example/tags/moers.rss</translation>
    </message>
    <message>
        <source>Beiträge aus Feeds werden nur als Text angezeigt; Bilder werden nie geladen, Links nie von selbst geöffnet.</source>
        <translation>Posts from feeds are shown as text only; images are never loaded, links never opened by themselves.</translation>
    </message>
    <message>
        <source>&amp;Speichern</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Adresse (RSS/Atom)</source>
        <translation>&amp;Address (RSS/Atom)</translation>
    </message>
    <message>
        <source>Abfrage&amp;intervall in Sekunden</source>
        <translation>Polling &amp;interval in seconds</translation>
    </message>
    <message>
        <source>Das ist keine Feed-Adresse. Bitte eine Adresse eintragen, die mit http:// oder https:// beginnt.</source>
        <translation>That is not a feed address. Please enter an address starting with http:// or https://.</translation>
    </message>
</context>
<context>
    <name>StartDrillDialog</name>
    <message>
        <source>Übung starten</source>
        <translation>Start drill</translation>
    </message>
    <message>
        <source>Playbooks werden geprüft …</source>
        <translation>Checking the playbooks …</translation>
    </message>
    <message>
        <source>{n}× so schnell</source>
        <translation>{n}× as fast</translation>
    </message>
    <message>
        <source>leer: „ÜBUNG: “ und der Titel des Playbooks</source>
        <translation>empty: “ÜBUNG: ” and the playbook’s title</translation>
    </message>
    <message>
        <source>Steht vor jedem Text, den die Übung veröffentlichen würde.</source>
        <translation>Put before every text the drill would publish.</translation>
    </message>
    <message>
        <source>&amp;Playbook:</source>
        <translation>&amp;Playbook:</translation>
    </message>
    <message>
        <source>&amp;Übungsuhr:</source>
        <translation>Drill &amp;clock:</translation>
    </message>
    <message>
        <source>&amp;Titel:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>&amp;Kennzeichnung:</source>
        <translation>&amp;Mark:</translation>
    </message>
    <message>
        <source>Eine Übung ist eine eigene Lage. Alles, was sie veröffentlichen würde, landet in der Übungs-Timeline und erreicht niemanden.</source>
        <translation>A drill is an incident of its own. Everything it would publish goes to the drill timeline and reaches nobody.</translation>
    </message>
    <message>
        <source>Kein gültiges Playbook gefunden</source>
        <translation>No valid playbook found</translation>
    </message>
    <message>
        <source>ohne festes Ende</source>
        <translation>no fixed end</translation>
    </message>
    <message>
        <source>{n} Einspielungen, geplante Dauer {length}.</source>
        <translation>{n} injects, planned length {length}.</translation>
    </message>
    <message>
        <source>Dieses Playbook hat keine Einspielungen: die Übungsleitung spielt sie von Hand ein.</source>
        <translation>This playbook has no injects: the exercise lead adds them by hand.</translation>
    </message>
</context>
<context>
    <name>TimelineList</name>
    <message>
        <source>Übungs-Timeline</source>
        <translation>Drill timeline</translation>
    </message>
    <message>
        <source>Noch nichts veröffentlicht. Was diese Übung senden würde, erscheint hier – es erreicht niemanden.</source>
        <translation>Nothing published yet. What this drill would send appears here – it reaches nobody.</translation>
    </message>
    <message>
        <source>{account} · {platform} · Übungsuhr {clock} ({time})</source>
        <translation>{account} · {platform} · drill clock {clock} ({time})</translation>
    </message>
    <message>
        <source>Antwort auf: {target}</source>
        <translation>Reply to: {target}</translation>
    </message>
    <message>
        <source>zurückgezogen</source>
        <translation>withdrawn</translation>
    </message>
</context>
<context>
    <name>UnclearDialog</name>
    <message>
        <source>Ist der Beitrag veröffentlicht?</source>
        <translation>Is the post published?</translation>
    </message>
    <message>
        <source>Unser Text</source>
        <translation>Our text</translation>
    </message>
    <message>
        <source>Letzte Beiträge werden von der Plattform geladen …</source>
        <translation>Loading the latest posts from the platform …</translation>
    </message>
    <message>
        <source>Letzte Beiträge des Kontos</source>
        <translation>The account&apos;s latest posts</translation>
    </message>
    <message>
        <source>Adresse des Beitrags</source>
        <translation>Address of the post</translation>
    </message>
    <message>
        <source>&amp;Adresse des Beitrags:</source>
        <translation>&amp;Address of the post:</translation>
    </message>
    <message>
        <source>Ist veröffentlicht</source>
        <translation>Is published</translation>
    </message>
    <message>
        <source>Nicht gefunden</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>{account}: die Antwort der Plattform ging verloren.</source>
        <translation>{account}: the platform&apos;s answer was lost.</translation>
    </message>
    <message>
        <source>Diese Plattform zeigt keine Liste. Bitte direkt auf der Plattform nachsehen und die Adresse eintragen.</source>
        <translation>This platform shows no list. Please look on the platform directly and enter the address.</translation>
    </message>
    <message>
        <source>Ist einer davon unser Beitrag? Dann auswählen.</source>
        <translation>Is one of these our post? Then select it.</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>Versionen vergleichen</source>
        <translation>Compare versions</translation>
    </message>
    <message>
        <source>Entfernt: durchgestrichen, rot hinterlegt · Hinzugefügt: unterstrichen, grün hinterlegt</source>
        <translation>Removed: struck through, red background · Added: underlined, green background</translation>
    </message>
    <message>
        <source>Unterschiede</source>
        <translation>Differences</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Ältere Version</source>
        <translation>&amp;Older version</translation>
    </message>
    <message>
        <source>&amp;Neuere Version</source>
        <translation>&amp;Newer version</translation>
    </message>
    <message>
        <source>erstellt</source>
        <translation>created</translation>
    </message>
    <message>
        <source>bearbeitet</source>
        <translation>edited</translation>
    </message>
    <message>
        <source>als Thread aufgeteilt</source>
        <translation>split into a thread</translation>
    </message>
    <message>
        <source>Version {number}</source>
        <translation>Version {number}</translation>
    </message>
    <message>
        <source>Es gibt noch keine gespeicherte Version.</source>
        <translation>There is no saved version yet.</translation>
    </message>
    <message>
        <source>Beide Seiten zeigen dieselbe Version.</source>
        <translation>Both sides show the same version.</translation>
    </message>
    <message>
        <source>Keine Unterschiede im Text.</source>
        <translation>No differences in the text.</translation>
    </message>
</context>
</TS>

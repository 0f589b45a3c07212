/**
 * The fixed sentences of Ferry's error messages and hints, by id, in English. Main builds `message` and
 * `hint` from them (what the CLI prints and the log keeps) and sends the id and its values along
 * (`ErrorBase.text`), so a window in another language can say the same in its own words: the renderer holds
 * one table per language with the same ids and the same {placeholders} (a test checks both).
 * Texts that quote the server ("550 Failed to open file.") keep the quote as a value.
 */
import { OTHERS_WORDS_TEXTS, shownValue } from './server-words';

export const ERROR_TEXTS_EN = {
  // A data connection that failed, by mode and cause. {where} is address:port; {detail} is " (what we saw)" or empty.
  'data.active.listen-failed': 'Active mode: Ferry could not listen for the data connection on {where}{detail}.',
  'data.active.listen-failed.hint': 'Choose another active-mode port range in the settings, or use passive mode for this site.',
  'data.active.listen-privileged.hint': 'Choose an active-mode port range from 1024 up in Settings → Active mode (e.g. 50000-50100), or use passive mode.',
  'data.active.listen-no-address.hint': 'Connect again: a new connection uses an address this computer has now. The external address (Settings → Active mode) is not the cause: it is only announced to the server, never listened on.',
  'data.active.listen-too-many-files.hint': 'Let some transfers finish or cancel them, or lower the simultaneous transfers (Settings → Connections), then try again; if it persists, restart Ferry.',
  'data.active.wrong-peer': "Active mode: a data connection to {where} came from an address other than the server's and was refused{detail}.",
  'data.active.wrong-peer.hint': "The server likely connects out from another of its addresses (a server with several addresses, or behind a NAT whose outgoing connections leave from another address); Ferry takes data only from the address it is connected to, so no one else can slip a file in. Use passive mode for this site (Site Manager → Transfer settings → Transfer mode).",
  'data.active.tls-failed': 'Active mode: the TLS handshake on the data connection to {where} failed{detail}.',
  'data.active.tls-failed.hint': 'The server may refuse to resume the TLS session. Try passive mode, or ask the server admin about TLS session reuse.',
  'data.active.server-refused': 'Active mode: the server refused to connect back to {where}{detail}.',
  'data.active.server-refused.hint': 'The server does not allow active mode, or not to the address announced (behind NAT it sees this computer at another address). Use passive mode for this site (Site Manager → Transfer settings → Transfer mode); or, behind NAT, set the external address to announce in Settings → Active mode and forward the active-mode port range to this computer.',
  'data.active.server-refused-external.hint': "The server does not allow active mode, or will not connect to an address other than the one it sees this computer at: the external address announced ({external}, Settings → Active mode) may be out of date or not this network's public address. Check it, or clear it if this computer is not behind NAT; or use passive mode for this site (Site Manager → Transfer settings → Transfer mode).",
  'data.active.blocked': "Active mode: the server could not connect back to {where}{detail} — incoming connections to this computer are blocked by a firewall or NAT in front of it, or the server's own firewall does not let it connect out.",
  'data.active.blocked.hint': 'Use passive mode for this site (Site Manager → Transfer settings → Transfer mode); or open the active-mode port range in your firewall and, behind NAT, set the external address to announce (Settings → Active mode) and forward that range to this computer.',
  'data.active.blocked-external.hint': "Use passive mode for this site (Site Manager → Transfer settings → Transfer mode); or, to keep active mode: the external address {external} is announced (Settings → Active mode), so the router in front of this computer must forward the active-mode port range (Settings → Active mode; choose one if none is set) to this computer and its firewall must let those ports in — and {external} must still be this network's public address.",
  // The same failures over a TLS-protected control connection: a firewall's or router's FTP helper cannot read it.
  'data.active.blocked-tls':
    "Active mode: the server could not connect back to {where}{detail} — incoming connections to this computer are blocked by a firewall or NAT in front of it, or the server's own firewall does not let it connect out. The connection is encrypted (FTPS): a firewall or router that lets FTP data connections in with an FTP helper (FTP ALG, Linux's nf_conntrack_ftp) cannot read the encrypted PORT/EPRT command, so it neither opens nor forwards the port as it does for plain FTP.",
  'data.active.blocked-tls.hint':
    "Use passive mode for this site (Site Manager → Transfer settings → Transfer mode). To keep active mode with FTPS, the ports must be opened explicitly: open this computer's active-mode port range (Settings → Active mode) in its firewall and router and, behind NAT, forward that range to this computer and set the external address to announce (Settings → Active mode).",
  'data.active.server-refused-tls':
    "Active mode: the server refused to connect back to {where}{detail}. The connection is encrypted (FTPS), so a NAT router's FTP helper (FTP ALG) cannot rewrite this computer's private address in the PORT/EPRT command as it does for plain FTP: the server is told an address it will not connect to — or it does not allow active mode at all.",
  'data.active.server-refused-tls.hint':
    "Use passive mode for this site (Site Manager → Transfer settings → Transfer mode). To keep active mode with FTPS behind NAT, set the external address to announce in Settings → Active mode and forward the active-mode port range to this computer yourself: the router's FTP helper cannot do it for encrypted connections.",
  'data.passive.wrong-peer': 'Passive mode: the server refused the data connection to {where}{detail} because it came from another address than the control connection: a NAT or proxy in front of this computer uses several addresses.',
  'data.passive.wrong-peer.hint': "Use active mode for this site (Site Manager → Transfer settings → Transfer mode). Otherwise the network's admin can give this computer one outgoing address (paired pooling), or the server's admin allow data connections from other addresses.",
  'data.passive.tls-failed': 'Passive mode: the TLS handshake on the data connection to {where} failed{detail}.',
  'data.passive.tls-failed.hint': 'The server may require TLS session reuse or use another certificate for data. Try active mode, or ask the server admin.',
  'data.passive.server-refused': 'Passive mode: the server could not open its data connection on {where}{detail}.',
  'data.passive.server-refused.hint': 'Try again; if it persists, use active mode for this site.',
  'data.passive.mode-refused': 'Passive mode: the server refused to open a passive data port{detail} — it does not allow passive mode.',
  'data.passive.mode-refused.hint': 'Use active mode for this site (Site Manager → Transfer settings → Transfer mode).',
  'data.passive.bad-reply': "Passive mode: the server's reply to PASV gave no address and port that could be read{detail}.",
  'data.passive.bad-epsv-reply': 'Passive mode: the server answered EPSV with no port that could be read, and refused PASV{detail}.',
  'data.passive.bad-reply.hint': 'Use active mode for this site. A firewall or router that rewrites FTP replies may be mangling it; the server or network admin can check.',
  // A transfer that stopped midway. {path}: the file or folder; {seconds}: the timeout; {bytes}: bytes moved before.
  'data.passive.stalled-receiving': 'Passive mode: the data transfer of {path} (data connection to {where}) stopped: nothing arrived for {seconds} s ({bytes} bytes had arrived); the server stopped sending, or a firewall or router dropped the connection.',
  'data.passive.stalled-sending': 'Passive mode: the data transfer of {path} (data connection to {where}) stopped: nothing could be sent for {seconds} s ({bytes} bytes had been sent); the server stopped reading, or a firewall or router dropped the connection.',
  'data.passive.stalled.hint': 'Try again: Ferry resumes from what was transferred where the server allows it. If transfers keep stopping, raise the timeout in the settings, or use active mode for this site.',
  'data.active.stalled-receiving': 'Active mode: the data transfer of {path} (data connection on {where}) stopped: nothing arrived for {seconds} s ({bytes} bytes had arrived); the server stopped sending, or a firewall or router dropped the connection.',
  'data.active.stalled-sending': 'Active mode: the data transfer of {path} (data connection on {where}) stopped: nothing could be sent for {seconds} s ({bytes} bytes had been sent); the server stopped reading, or a firewall or router dropped the connection.',
  'data.active.reply-without-connection': 'Active mode: the server answered "{reply}" but never connected to {where} to send the data{detail}.',
  'data.active.reply-without-connection.hint': 'Some servers answer so for an empty folder; others could not reach this computer and did not say. Use passive mode for this site.',
  'data.active.reset': 'Active mode: the data connection on {where} was reset{detail}.',
  'data.active.reset.hint': 'Try again; a firewall may be cutting data connections. If it persists, use passive mode.',
  'data.active.stalled.hint': 'Try again: Ferry resumes from what was transferred where the server allows it. If transfers keep stopping, raise the timeout in the settings, or use passive mode for this site.',
  'data.passive.reset': 'Passive mode: the data connection to {where} was reset{detail}.',
  'data.passive.reset.hint': 'Try again; a firewall may be cutting data connections. If it persists, use active mode.',
  'data.passive.unreachable': "Passive mode: could not open the data connection to the server at {where}{detail} — the server's data port is unreachable; its firewall may block the passive port range.",
  'data.passive.unreachable.hint': "Use active mode for this site (Site Manager → Transfer settings → Transfer mode), or ask the server's admin to open its passive port range (and, behind NAT, to announce its public address).",
  'data.passive.unreachable-tls':
    "Passive mode: could not open the data connection to the server at {where}{detail} — the server's data port is unreachable. The connection is encrypted (FTPS): a firewall in front of the server that opens passive ports with an FTP helper (FTP ALG, fixup, Linux's nf_conntrack_ftp) cannot read the encrypted 227/229 reply, so it does not open the port as it does for plain FTP.",
  'data.passive.unreachable-tls.hint':
    "Use active mode for this site (Site Manager → Transfer settings → Transfer mode), or ask the server's admin to open its passive port range in the server's firewall (and, behind NAT, to forward it and announce its public address): the firewall's FTP helper that lets plain FTP through cannot read FTPS.",
  // The data connection's certificate is not the control connection's. {control}, {data}: their SHA-256 fingerprints.
  'data.passive.certificate-mismatch': 'Passive mode: the data connection to {where} presented another certificate (SHA-256 {data}) than the control connection ({control}); Ferry closed it.',
  'data.active.certificate-mismatch': 'Active mode: the data connection from {where} presented another certificate (SHA-256 {data}) than the control connection ({control}); Ferry closed it.',
  'data.certificate-mismatch.hint':
    'Someone between may be intercepting the data connections, or the server (or a load balancer in front of it) uses another certificate for them. Do not transfer files until the server admin has checked; switching the transfer mode does not fix this.',
  'data.passive.unencrypted': 'Passive mode: the data connection to {where} came unencrypted, although the server had agreed to encrypt data connections (PROT P); Ferry closed it.',
  'data.active.unencrypted': 'Active mode: the data connection from {where} came unencrypted, although the server had agreed to encrypt data connections (PROT P); Ferry closed it.',
  'data.unencrypted.hint':
    "The server's FTPS set-up is broken, or a firewall or router that inspects FTP answers for its data connections. Ask the server admin; switching the transfer mode does not fix this.",
  'data.passive.followed.hint':
    'The server announced {announced}, not its own address {peer} — typical of a server behind NAT. Connect to the server\'s own address instead (Settings → Passive mode → Address to connect to; on the command line, leave out --follow-pasv-address), or use active mode.',
  // The hints above that name a site's transfer mode, for a quick connection (shared/setting-hints.ts): it has no site;
  // its mode is the quick connect bar's, kept when the connection is saved as a site.
  'data.active.listen-failed.quick.hint': 'Choose another active-mode port range in the settings, or use passive mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it).',
  'data.active.wrong-peer.quick.hint': "The server likely connects out from another of its addresses (a server with several addresses, or behind a NAT whose outgoing connections leave from another address); Ferry takes data only from the address it is connected to, so no one else can slip a file in. Use passive mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it).",
  'data.active.server-refused-external.quick.hint': "The server does not allow active mode, or will not connect to an address other than the one it sees this computer at: the external address announced ({external}, Settings → Active mode) may be out of date or not this network's public address. Check it, or clear it if this computer is not behind NAT; or use passive mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it).",
  'data.active.server-refused.quick.hint': 'The server does not allow active mode, or not to the address announced (behind NAT it sees this computer at another address). Use passive mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it); or, behind NAT, set the external address to announce in Settings → Active mode and forward the active-mode port range to this computer.',
  'data.active.blocked.quick.hint': 'Use passive mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it); or open the active-mode port range in your firewall and, behind NAT, set the external address to announce (Settings → Active mode) and forward that range to this computer.',
  'data.active.blocked-external.quick.hint': "Use passive mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it); or, to keep active mode: the external address {external} is announced (Settings → Active mode), so the router in front of this computer must forward the active-mode port range (Settings → Active mode; choose one if none is set) to this computer and its firewall must let those ports in — and {external} must still be this network's public address.",
  'data.active.blocked-tls.quick.hint':
    "Use passive mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it). To keep active mode with FTPS, the ports must be opened explicitly: open this computer's active-mode port range (Settings → Active mode) in its firewall and router and, behind NAT, forward that range to this computer and set the external address to announce (Settings → Active mode).",
  'data.active.server-refused-tls.quick.hint':
    "Use passive mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it). To keep active mode with FTPS behind NAT, set the external address to announce in Settings → Active mode and forward the active-mode port range to this computer yourself: the router's FTP helper cannot do it for encrypted connections.",
  'data.active.reply-without-connection.quick.hint': 'Some servers answer so for an empty folder; others could not reach this computer and did not say. Use passive mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it).',
  'data.active.stalled.quick.hint': 'Try again: Ferry resumes from what was transferred where the server allows it. If transfers keep stopping, raise the timeout in the settings, or use passive mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it).',
  'data.passive.wrong-peer.quick.hint': "Use active mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it). Otherwise the network's admin can give this computer one outgoing address (paired pooling), or the server's admin allow data connections from other addresses.",
  'data.passive.server-refused.quick.hint': 'Try again; if it persists, use active mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it).',
  'data.passive.mode-refused.quick.hint': 'Use active mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it).',
  'data.passive.bad-reply.quick.hint': 'Use active mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it). A firewall or router that rewrites FTP replies may be mangling it; the server or network admin can check.',
  'data.passive.stalled.quick.hint': 'Try again: Ferry resumes from what was transferred where the server allows it. If transfers keep stopping, raise the timeout in the settings, or use active mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it).',
  'data.passive.unreachable.quick.hint': "Use active mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it), or ask the server's admin to open its passive port range (and, behind NAT, to announce its public address).",
  'data.passive.unreachable-tls.quick.hint':
    "Use active mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it), or ask the server's admin to open its passive port range in the server's firewall (and, behind NAT, to forward it and announce its public address): the firewall's FTP helper that lets plain FTP through cannot read FTPS.",

  // Other sentences that send a saved site's user to the Site Manager, for a quick connection (shared/setting-hints.ts):
  // the quick connect bar where it has the field (ftps:// or ftpes:// in Host), else saving the connection as a site.
  'connect.proxy-refused.quick.hint': "The proxy may not allow this server or port, or the server is down. Ask the proxy's administrator, or save the connection as a site and bypass the proxy for it (Site Manager → Advanced).",
  'data.passive.via-proxy.quick.hint': "The data connection went through the {proxy}; active mode cannot work through a proxy. Try again; if it keeps failing, ask the proxy's administrator whether it allows connections to the server's passive ports, or save the connection as a site and bypass the proxy for it (Site Manager → Advanced).",
  'connect.proxy-refused-port.quick.hint': "HTTP proxies often allow CONNECT only to port 443 (tinyproxy's ConnectPort, Squid's SSL_ports): ask the proxy's administrator to allow port {port} and the server's passive ports, use a SOCKS proxy, or save the connection as a site and bypass the proxy for it (Site Manager → Advanced).",
  'closed.mid-transfer.proxy.quick.hint': "Try again: Ferry resumes from what was transferred where the server allows it. If it keeps happening, the proxy (restarted, or limiting how long a connection may last) or the server is ending it: ask the proxy's administrator, or save the connection as a site and bypass the proxy for it (Site Manager → Advanced).",
  'log.not-utf8.quick.hint': 'Use the button above the remote file list: it saves this connection as a site whose encoding is {charset} and connects to it. Other East-Asian servers may use GB18030, Big5 or Shift_JIS.',
  'log.not-utf8.other.quick.hint': 'Save the connection as a site ("Save current connection as a site…") and set its encoding to the server\'s charset (Site Manager → Charset). Other East-Asian servers may use GB18030, Big5 or Shift_JIS.',
  'log.reply-not-utf8.gbk.quick': "The server's messages are not UTF-8: they look like GBK (simplified Chinese) and are shown as GBK. File names are still read as UTF-8; if they show garbled, save the connection as a site using GBK (the button above the remote file list).",
  'log.reply-not-utf8.big5.quick': "The server's messages are not UTF-8: they look like Big5 (traditional Chinese) and are shown as Big5. File names are still read as UTF-8; if they show garbled, save the connection as a site using Big5 (the button above the remote file list).",
  'log.reply-not-utf8.other.quick': 'The server\'s messages are not UTF-8, nor a charset Ferry recognizes: what it cannot read shows as �. If file names show garbled too, save the connection as a site ("Save current connection as a site…") and set its encoding to the server\'s charset (Site Manager → Charset).',
  'charset.pwd-not-utf8.quick.hint': 'Save the connection as a site ("Save current connection as a site…") and set its encoding to the server\'s charset (Site Manager → Charset), e.g. GBK for an older Chinese server.',
  'charset.unreadable-name.quick.hint': 'Save the connection as a site ("Save current connection as a site…") and set its encoding to the server\'s charset (Site Manager → Charset), e.g. GBK for an older Chinese server. A name that is valid in no charset can only be renamed on the server itself.',
  'auth.anonymous-refused.quick.hint': "This server may not allow anonymous logins: enter the user name and password its administrator gave you in the quick connect bar.",
  'auth.tls-required.quick.hint': 'The server requires an encrypted connection: write ftpes:// (explicit TLS) or ftps:// (implicit TLS) before the host name in the quick connect bar.',
  'tls.not-offered.quick.hint': 'Write ftp:// (FTPS if available) before the host name in the quick connect bar only if you accept an unencrypted connection.',
  'tls.implicit-mismatch.quick.hint': 'Write ftpes:// (explicit TLS) before the host name in the quick connect bar, not ftps:// (usually port 21).',
  'timeout.greeting.quick.hint': 'If this is an implicit FTPS port, write ftps:// before the host name in the quick connect bar; otherwise the server or the network is slow: try again, or raise the timeout in the settings.',
  'tls.handshake.quick.hint': 'Check that the server supports FTPS; if you accept an unencrypted connection, save the connection as a site ("Save current connection as a site…") and choose plain FTP for it in the Site Manager.',
  'tls.handshake.not-tls.quick.hint':
    "The server's FTPS set-up is broken (it may fail to load its certificate or key), or a firewall or router that inspects FTP answers for it. Ask the server admin; only if you accept an unencrypted connection, save the connection as a site and choose plain FTP for it in the Site Manager.",
  'tls.client-certificate.required.quick.hint': 'Ask the server admin for a client certificate and its private key (PEM files, or one PKCS#12 .p12/.pfx file) issued for you, save the connection as a site ("Save current connection as a site…") and give them in Site Manager → Advanced → Client certificate.',
  'certificate.untrusted.other-host.quick.hint': "The certificate names {names}, not {host}: that may be another server than the one you meant (a shared host's certificate, a wrong address, or someone intercepting). If the server is known by one of those names, connect with it; trust this fingerprint for this connection only if the server's administrator confirms it; saving the connection as a site keeps it (CLI: --trust-fingerprint).",
  'certificate.untrusted.quick.hint': 'If you recognise this fingerprint (ask the server admin), trust it for this connection; saving the connection as a site keeps it (CLI: --trust-fingerprint).',
  'certificate.changed.quick.hint':
    'Someone may be intercepting the connection, or the server got a new certificate. Do not connect until the server admin confirms the new fingerprint; then trust it for this connection (CLI: --trust-fingerprint).',
  'reply.421.quick.hint': 'The server limits connections or idle time. Lower the number of connections to it (Settings → Connections → Simultaneous transfers per site) and try again.',
  'custom.session.quick.hint': 'Change these in the quick connect bar and connect again; use Disconnect to end the session.',
  'fxp.proxy.quick.hint': 'Copy through this computer instead, or save this connection as a site and bypass the proxy for both sites (Site Manager → Advanced).',

  // Notices in the message log (not errors): what Ferry did on its own, and why.
  'log.empty-folder-reply': 'The server answered {command} with "{reply}": such servers say so for an empty folder, which is what it is taken for.',
  'log.list-a-ignored': 'The server lists nothing for "LIST -a" where "LIST" lists {count} entries (it takes "-a" for a name); using LIST from now on.',
  'log.pasv-private': 'The server announced {announced} (a private address, typical of a server behind NAT); connecting to {peer} instead.',
  'log.pasv-other-host': 'The server announced {announced} (a host other than the server); connecting to {peer} instead.',
  'log.pasv-via-proxy': 'The server announced {announced}; connecting to {peer} through the proxy, which resolves the name.',
  'log.pasv-unspecified': 'The server announced {announced}, which names no host; connecting to the server at {peer}.',
  'log.external-other-family': 'The external address {external} has no IPv{family} address, which this connection uses (NAT, which it is for, is an IPv4 matter): announcing this computer\'s own address {local} instead.',
  'log.data-wrong-peer': 'Refused a data connection from {from} (expected {expected}).',
  'log.tls-unavailable': 'The server does not offer TLS (AUTH TLS answered "{reply}"); continuing unencrypted as the site allows: the password and files travel as plain text.',
  'log.mode-z-refused': 'The server refused MODE Z ({reply}); transfers are uncompressed.',
  'log.mode-z-unavailable': 'The server does not offer MODE Z compression; transfers are uncompressed.',
  'log.test-modes': 'Testing passive and active mode with {site}…',
  'log.passive-works': 'Passive mode works ({command}).',
  'log.active-works': 'Active mode works ({command}).',
  'log.file-failed': 'Cannot write the log file {file} ({reason}); the message log is no longer written to it.',
  'log.file-failed.hint': 'Choose a folder you can write to in Settings → Logging, or turn logging to a file off.',
  'log.edit-opened': 'Opened {remote} for editing (local copy {local}).',
  'log.edit-uploaded': 'Uploaded {local} back to {remote}.',
  'log.edit-kept': 'Kept {local}: it has changes that were not uploaded to {remote}.',
  'log.edit-saved': '{local} was saved; it can be uploaded back to {remote}.',
  'log.editor-exit': 'The editor "{command}" exited with code {code}.',
  'log.editor-exit.hint': "Check the editor command in Settings → Editing; leave it empty to use the system's default app.",
  'log.opener-exit': 'The system\'s opener "{command}" exited with code {code}: nothing may have opened.',
  'log.opener-exit.hint': 'Check that a desktop session is running and that an app is set for this file type (on Linux: xdg-mime).',
  // The browsing session's own lines. {where} is host:port; {reason}: why the connection closed (a sentence itself).
  'log.connecting-passive': 'Connecting to {where} (passive mode)…',
  'log.connecting-active': 'Connecting to {where} (active mode)…',
  'log.disconnected': 'Disconnected.',
  'log.reconnecting': 'The connection was lost; reconnecting…',
  'log.connect-cancelled': 'Connecting to {where} was cancelled; nothing was left open.',
  'log.dropped': '{reason} Ferry reconnects at your next action.',
  'log.search-skipped': 'Search: skipped {path}: {reason}',
  // What a line of a second connection starts with (LogTextRef.prefixRef): View/Edit's, a copy's, a copy's target.
  'log.prefix-edit': 'edit: ',
  'log.prefix-copy': 'copy: ',
  'log.prefix-to': 'to {site}: ',
  'log.copied-fxp': 'Copied {from} to {site}:{to} server to server.',
  'log.copied-relay': 'Copied {from} to {site}:{to} through this computer.',
  'log.copy-failed-after': 'The copy to {site} stopped at {path}: {copied} of {total} files had been copied; the rest were not.',
  'log.copy-left-out': 'Left out {path}: a symbolic link is not copied to another site (copy what it points to instead).',
  'log.unreadable-line': 'Could not read this listing line: {line}',
  'log.unreadable-more': '… and {count} more listing lines that could not be read',
  'log.delete-cancelled': 'Delete cancelled after {count} file(s) and folder(s) were deleted; the rest are still on the server.',
  'log.chmod-links': '{count} symbolic link(s) under {path} left as they are (changing one would change what it points to).',
  'log.not-utf8.gbk': 'File names in {folder} are not UTF-8, so they show garbled: they look like GBK (simplified Chinese).',
  'log.not-utf8.big5': 'File names in {folder} are not UTF-8, so they show garbled: they look like Big5 (traditional Chinese).',
  'log.not-utf8.other': 'File names in {folder} are not UTF-8, so they show garbled: their charset is not one Ferry recognizes.',
  'log.not-utf8.hint': "Set this site's encoding to {charset} (Site Manager → Charset; command line: --charset {charset}). Other East-Asian servers may use GB18030, Big5 or Shift_JIS.",
  'log.not-utf8.other.hint': "Set this site's encoding to the server's charset (Site Manager → Charset; command line: --charset NAME). Other East-Asian servers may use GB18030, Big5 or Shift_JIS.",
  // A site in GBK (…) listing names with bytes GBK cannot read: they show "�" and cannot be named back (charset.unreadable-name).
  'log.names-not-in-charset': 'Names in {folder} hold bytes that are not valid {charset}, shown as "�" ({names}): Ferry cannot name them back to the server, so they cannot be downloaded, renamed or deleted from here.',
  'log.names-not-in-charset.hint': "If most names here show garbled, the server uses another charset: set this site's encoding to it (Site Manager → Charset; command line: --charset NAME). A name that is valid in no charset can only be renamed on the server itself.",
  'log.names-not-in-charset.gb18030.hint': "Those names are GB18030, which extends GBK with characters GBK lacks (emoji, rare ideographs): set this site's encoding to GB18030 (Site Manager → Charset; command line: --charset GB18030) — its GBK names read the same in it.",
  // A site set to GBK (…) whose server sends names in UTF-8: mojibake without "�" (charset-guess.ts isUtf8Text).
  'log.names-are-utf8': 'File names in {folder} are UTF-8 but are read as {charset}, so they show garbled.',
  'log.names-are-utf8.hint': "Set this site's encoding to Autodetect (Site Manager → Charset; command line: leave out --charset): the server sends UTF-8.",
  // The server's own words (greeting, errors) not UTF-8 on a UTF-8 site (reply-text.ts); said once per connection.
  'log.reply-not-utf8.gbk': "The server's messages are not UTF-8: they look like GBK (simplified Chinese) and are shown as GBK. File names are still read as UTF-8; if they show garbled, set this site's encoding to gbk (Site Manager → Charset; command line: --charset gbk).",
  'log.reply-not-utf8.big5': "The server's messages are not UTF-8: they look like Big5 (traditional Chinese) and are shown as Big5. File names are still read as UTF-8; if they show garbled, set this site's encoding to big5 (Site Manager → Charset; command line: --charset big5).",
  'log.reply-not-utf8.other': "The server's messages are not UTF-8, nor a charset Ferry recognizes: what it cannot read shows as �. If file names show garbled too, set this site's encoding to the server's charset (Site Manager → Charset; command line: --charset NAME).",

  // Server-to-server copies refused by one of the servers. {reply}: the server's "5xx …" line.
  'fxp.pasv-refused': 'The target server would not listen for the other server (PASV). The server said: {reply}',
  'fxp.port-refused': 'The source server refuses to send to another server ({where}): FXP is disabled there, as many servers do to stop bounce attacks. The server said: {reply}',
  'fxp.store-refused': 'The target server would not store {path}. The server said: {reply}',
  'queue.copy-no-target': 'This server-to-server copy does not say which site it goes to: add it again with Copy to another site.',
  'fxp.rest-refused': 'A server would not continue the copy where it stopped (REST). The server said: {reply}',
  'fxp.send-refused': 'The source server would not send {path}. The server said: {reply}',
  'fxp.refused.hint': 'Copy through this computer instead (ferry copy --via-local; in the window, the copy offers it), or ask the server admin to allow FXP.',
  'fxp.path.hint': 'Check the path and your permissions on that server.',
  // What the target server made at STOR before the source refused (proftpd): fxp-leftover.ts.
  'fxp.send-refused.removed.hint': 'The empty file {target} the target server had made for it was deleted. Check the path and your permissions on the source server.',
  'fxp.send-refused.left.hint': 'The target server made an empty file {target} for it, which could not be deleted: delete it there. Check the path and your permissions on the source server.',
  'fxp.send-refused.emptied.hint': 'The target server had emptied {target} for the copy: its old content is gone. Check the path and your permissions on the source server, then copy again.',

  // A charset name nobody knows (Site Manager → Charset, --charset).
  'charset.unknown': 'Charset "{charset}" is not known.',
  'charset.unknown.hint': 'Use "auto" (UTF-8) or a charset name such as gbk, gb18030, big5, shift_jis, euc-kr, windows-1251 or latin1.',
  'charset.unknown-name': 'Unknown charset "{charset}".',
  'charset.unknown-name.hint': 'Use a charset name such as utf-8, gbk, gb18030, big5, shift_jis or latin1.',

  // A file given to the FileZilla import that is not FileZilla's site list.
  'import.too-large': 'The file is larger than 32 MiB.',
  'import.too-large.hint': "Choose FileZilla's sitemanager.xml (usually a few kilobytes).",
  'import.not-xml': 'The file is not valid XML (line {line}: {detail}).',
  'import.not-xml.hint': "Choose the sitemanager.xml from FileZilla's settings folder, an export made with FileZilla's File > Export, or a Ferry export (ferry-sites.json).",
  'import.export-newer': 'This site export was made by a newer Ferry (format {format}).',
  'import.export-newer.hint': 'Update Ferry to import it, or export the sites again from the older one.',
  'import.export-invalid': 'This Ferry site export cannot be read ({detail}).',
  'import.export-no-sites': 'no "sites" list',
  'import.export-invalid.hint': "Export the sites again (Site Manager → Export…, or ferry sites export) and import that file.",
  'import.not-filezilla': 'This XML file is not a FileZilla site list (no <FileZilla3><Servers>).',
  'import.not-filezilla.hint': "Choose sitemanager.xml from FileZilla's settings folder (e.g. ~/.config/filezilla or %APPDATA%\\FileZilla), or an export made with File > Export.",
  // A file given to the import that looked like an INI file but is not FlashFXP's Sites.dat.
  'import.not-flashfxp': "This file is not FlashFXP's site list (no [site] section with an IP= line).",
  'import.flashfxp.hint': "Choose Sites.dat from FlashFXP's settings folder (%APPDATA%\\FlashFXP\\4, or the folder FlashFXP is installed in), sitemanager.xml from FileZilla, or a Ferry export.",
  'import.unknown-file': "This file is not a site list Ferry reads: FileZilla's sitemanager.xml (XML), FlashFXP's Sites.dat (INI sections with IP= lines) or a Ferry export (JSON).",
  'import.unknown-file.hint': "Choose one of those. A FlashFXP Sites.dat that is not readable text may be protected by a password set in FlashFXP, which Ferry cannot open: remove that protection in FlashFXP, then import the file again.",

  // Active mode's external address asked of a URL (Settings → Active mode).
  'active.external-url-failed': "Active mode: could not learn this computer's external address from {url}: {reason}.",
  'active.external-url-failed.hint': 'Set the external address by hand in Settings → Active mode, check the URL, or use passive mode for this site.',
  'active.external-url-failed.quick.hint': 'Set the external address by hand in Settings → Active mode, check the URL, or use passive mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it).',
  'active.external-url-not-ip': 'the answer was not an IP address ("{answer}")',
  // Why the URL gave no answer, in words (fetch says only "fetch failed"); the system's words quoted for the rest.
  'active.external-url-status': 'it answered HTTP {status}',
  'active.external-url-timeout': 'it did not answer within {seconds} s',
  'active.external-url-unreachable': 'it could not be reached ({code})',
  'active.external-url-unresolved': 'its host name does not resolve',
  'active.external-url-other': 'the system said "{detail}"',

  // View/Edit: the editor that cannot start, and edits in a state that does not allow what was asked. A {command} in
  // quotes is escaped inside them when it holds a line break or a direction mark (shownName(…, 'in-quotes'), docs/i18n.md).
  'edit.editor-not-found': 'The editor "{command}" was not found.',
  'edit.editor-not-allowed': 'The editor "{command}" is not allowed to run.',
  'edit.editor-failed': 'The editor "{command}" could not start ({detail}).',
  'edit.editor.hint': "Set the editor in Settings → Editing to a program that exists (a full path works), or leave it empty for the system's default app.",
  'edit.editor-unclosed-double': 'The editor command has an unclosed double quote: {command}',
  'edit.editor-unclosed-single': 'The editor command has an unclosed single quote: {command}',
  'edit.editor-unclosed.hint': 'Close the quote in Settings → Editing, e.g. "C:\\Program Files\\Editor\\editor.exe" %f.',
  'edit.editor-no-program': 'The editor command names no program.',
  'edit.editor-no-program.hint': 'Set an editor in Settings → Editing (e.g. "code --wait"), or leave it empty for the system\'s default app.',
  'edit.system-open-failed': 'The system could not open {file}: {detail}',
  'edit.system-open-failed.hint': 'Set an editor in Settings → Editing (e.g. "code --wait %f"), or associate an app with this file type.',
  'edit.runs-program': "Ferry did not open {name} with the system's default app: it is a program ({extension}), and opening it would run it.",
  'edit.runs-program.hint': 'To view or change it as text, set an editor in Settings → Editing (e.g. "code --wait %f") and open it again; to run it, download it and start it yourself if you trust it.',
  'edit.not-a-file': '{file} is not a file.',
  'edit.not-a-file.hint': 'Choose a file to edit; folders open in the pane.',
  // The local pane's "Open with default app" and "Show in file manager" (src/main/local/desktop-open.ts).
  'local.open-runs-program': "Ferry did not open {name} with the system's default app: it is a program ({extension}), and opening it would run it.",
  'local.open-runs-program.hint': 'To run it, use Show in file manager and start it there if you trust it; to read it as text, use Edit with an editor set in Settings → Editing.',
  'local.open-relative': 'Ferry opens only a full path, not {file}.',
  'local.open-relative.hint': "Only Ferry's own window sends these requests: this is a bug in it. Please report it with the log.",
  'local.open-failed': 'The system could not open {file}: {detail}',
  'local.open-failed.hint': 'Set an app for this file type in the system, or use Edit with an editor set in Settings → Editing.',
  'local.opener-missing': 'The system could not open {file}: its opener "{command}" is not installed.',
  'local.opener-missing.hint': 'Install it (on Linux, the xdg-utils package), or use Edit with an editor set in Settings → Editing.',
  'edit.uploading': '{path} is already being uploaded.',
  'edit.uploading.hint': 'Wait for that upload to finish.',
  'edit.finish-uploading': '{path} is being uploaded.',
  'edit.finish-uploading.hint': 'Wait for the upload to finish, then finish editing.',
  'edit.not-uploaded': '{file} has changes that were not uploaded.',
  'edit.not-uploaded.hint': 'Upload it first, or finish editing and discard the changes.',
  'edit.gone': 'That file is no longer open for editing.',
  'edit.gone.hint': 'Open it again with View/Edit.',

  // The engine refusing or giving up. {reply}: the server's own line.
  'resume.refused': 'The server cannot resume {path} at byte {offset}: {reply}',
  'resume.refused.hint': 'Transfer the whole file again (overwrite instead of resume).',
  'resume.ignored': 'The server accepted "REST {offset}" for {path} but did not continue from there: {received} bytes came where {left} were left. The partial file was cut back to the {offset} bytes it had.',
  // {path}: the user's file they chose to resume; {remote}: the server's file.
  'resume.target-changed': '{remote} changed on the server since you chose to resume {path} from it, so your file was neither continued with the new version nor replaced by it: it is back under its own name.',
  'resume.target-changed.hint': 'Choose what to do with the new version: set the queue’s “If the file exists” to Ask, then retry the item (Overwrite downloads the new version over your file; Rename keeps both).',
  'resume.ignored.hint': 'Try again; if it happens again, the server cannot resume: transfer the whole file again (overwrite instead of resume).',
  'data.passive.ipv6-no-epsv': 'The server refused EPSV{detail}, and PASV cannot work over IPv6.',
  'data.passive.ipv6-no-epsv.hint': 'Use active mode for this site, or connect over IPv4.',
  'data.passive.ipv6-no-epsv.quick.hint': 'Use active mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it), or connect over IPv4.',
  'reply.too-long': 'The server sent a reply longer than {limit} characters.',
  'reply.too-long.hint': 'The server is misbehaving; contact its administrator.',
  'command.line-break': 'Refused to send a command containing a line break or NUL: {command}.',
  'command.line-break.hint': 'Remove line breaks and NUL characters from the file or folder name.',
  'mkdir.name-changed': 'Asked to create the folder {path}, the server made {made}: it changed the name.',
  'mkdir.name-changed.hint': 'The server does not keep this name as given (pure-ftpd replaces a space or tab at the end of a name with "_"). Use a name without a space at its end, or the folder the server made.',
  'name.changed-by-server': 'The server reported success for {path}, but {folder} holds no entry of that name: the server changed the name.',
  'name.changed-by-server.hint': 'The server does not keep this name as given (pure-ftpd replaces a space or tab at the end of a name with "_"): the file or folder is in {folder} under another name. Use a name without a space at its end.',

  // Saved passwords that cannot be read or kept here. {site}: Folder/Name; {saved}, {current}: vaults (vault.*).
  'password.other-vault': 'The password of "{site}" was saved with {saved}, which {current} cannot read.',
  'password.other-vault.hint': 'Enter the password again here (CLI: --password-stdin), or connect from where it was saved.',
  'password.undecryptable': 'The password of "{site}" cannot be decrypted: {detail}.',
  'password.undecryptable.hint': 'Enter the password again in the Site Manager.',
  'vault.safe-storage': "the desktop app's system keychain (safeStorage)",
  'vault.file-key': 'the vault key file (web host and command line)',
  'vault.master-password': 'the master password',
  'vault.other': 'the "{id}" vault',
  'secret.proxy.other-vault': 'The proxy password was saved by another vault ("{saved}") than this one ("{current}") can read.',
  'secret.proxy.undecryptable': 'The proxy password cannot be decrypted: {detail}',
  'secret.proxy.enter-again.hint': 'Enter the proxy password again in Settings.',
  'secret.proxy.not-saved': 'The proxy password was not saved: {reason}',
  'secret.proxy.not-saved.hint': 'Ferry never stores passwords in plain text. Set up the system keyring, set a master password (Settings → Passwords), or use a proxy without a password.',
  'master.key-mismatch': "A stored password does not decrypt with the master password's key (the data was altered, or the master password file was replaced).",
  'master.key-mismatch.hint': 'Enter the password again.',
  'master.none': 'No master password is set.',
  'master.none.hint': 'Set one in Settings → Passwords.',
  'master.exists': 'A master password is set already.',
  'master.exists.hint': 'Change it instead, or remove it first.',
  'master.too-short': 'The master password must have at least {min} characters.',
  'master.too-short.hint': 'Choose a longer one: it is all that protects the saved passwords.',
  'master.file-unreadable': 'The master password file {file} cannot be read: {detail}',
  'master.file-unreadable.hint': 'Check the permissions of the Ferry folder.',
  'master.file-damaged': 'The master password file {file} is damaged, so the passwords it protects cannot be read.',
  'master.file-damaged.hint': 'Restore it from a backup; or remove it with the passwords it protected (Settings → Passwords → Forgot it…, or ferry passwords reset-master --yes) and enter them again.',
  'master.cannot-remove': 'The master password cannot be removed here: {reason}, and Ferry never stores passwords in plain text.',
  'master.cannot-remove.hint': 'Keep the master password; or, to forget the saved passwords as well, use "Forgot the master password".',
  'master.kept': 'The master password was kept: {names} could not be moved out from under it.',
  'master.kept.hint': 'Try again; if it persists, enter those passwords again in the Site Manager, then remove the master password.',

  // The Site Manager's checks in main (what the window's form does not check itself, or another window changed).
  'field.site-name': 'Site name',
  'field.folder-name': 'Folder name',
  'field.bookmark-name': 'Bookmark name',
  'site.name-empty': '{field} is empty.',
  'site.name-empty.hint': 'Give it a name.',
  'site.name-control': '{field} "{name}" contains a control character or line break.',
  'site.name-control.hint': 'Use printable characters only.',
  'site.name-long': '{field} is {length} characters long.',
  'site.name-long.hint': 'Use at most 255 characters.',
  'site.host-empty': 'Host is empty.',
  'site.host-empty.hint': 'Enter the server name or address, e.g. ftp.example.com.',
  'site.host-url': 'Host "{host}" is a URL.',
  'site.host-url.hint': 'Enter only the server name or address (e.g. ftp.example.com); choose the protocol and port in their own fields.',
  'site.host-chars': 'Host "{host}" contains a space, "/" or "@".',
  'site.host-chars.hint': 'Enter only the server name or address; put the user name in the User field.',
  'site.port-invalid': 'Port {port} is not valid.',
  'site.port-invalid.hint': 'Use a whole number from 1 to 65535 (21 for FTP, 990 for implicit FTPS).',
  'quick.port-invalid.hint': 'Use a whole number from 1 to 65535, or leave it empty for the default (21, or 990 for implicit FTPS).',
  'site.user-line-break': 'The user name contains a line break or NUL.',
  'site.user-line-break.hint': 'Remove it: FTP commands are one line.',
  'site.user-empty': 'The user is empty but the logon type is "{logonType}".',
  'site.user-empty.hint': 'Enter the user name, or choose anonymous logon.',
  'site.password-line-break': 'The password contains a line break or NUL.',
  'site.password-line-break.hint': 'FTP sends the password on one line; remove the line break.',
  'site.remote-dir-line-break': 'The default remote folder contains a line break or NUL.',
  'site.remote-dir-line-break.hint': 'Remove it.',
  'site.connection-limit-invalid': 'Connection limit {value} is not valid.',
  'site.connection-limit-invalid.hint': 'Use a whole number from 1 to {max}, or leave it empty to follow the global setting.',
  'site.time-zone-invalid': 'Server time zone {zone} is not valid.',
  'site.time-zone-invalid.hint': "Give the server's offset from UTC, from -12:00 to +14:00 (e.g. +08:00 for Beijing), or leave it empty.",
  'site.client-cert-path': 'The client certificate file {file} is not given as a full path.',
  'site.client-cert-path.hint': 'Give the full path of the PEM file (e.g. /home/you/certs/client.pem), or leave it empty.',
  'site.client-key-without-cert': 'A client certificate key file was given without a client certificate file.',
  'site.client-key-without-cert.hint': 'Give the client certificate file too, or leave both empty.',
  // A site's client certificate, read at each connect (sites/site-client-certificate.ts).
  'site.client-cert-unreadable': 'The client certificate file {file} of this site cannot be read: it is missing, or you may not read it.',
  'site.client-cert-unreadable.hint': 'Check the file, or choose it again in Site Manager → Advanced → Client certificate.',
  'site.client-key-missing': '{file} holds no private key, and this site names no client certificate key file.',
  'site.client-key-missing.hint': 'Give the key file in Site Manager → Advanced → Client certificate key.',
  'site.client-key-encrypted': 'The client certificate key {file} of this site is encrypted, and no passphrase was given to open it.',
  'site.client-key-encrypted.hint': 'Connect to the site in the window, which asks for the passphrase (it is not saved); the ferry command line asks too, or reads FERRY_CLIENT_KEY_PASSPHRASE.',
  'site.client-pkcs12-with-key': '{file} is a PKCS#12 file, which holds its own private key, and this site also names a client certificate key file.',
  'site.client-pkcs12-with-key.hint': 'Leave Site Manager → Advanced → Client certificate key empty.',
  'site.client-pkcs12-encrypted': 'The client certificate file {file} of this site is protected by a passphrase, and none was given to open it.',
  'site.client-pkcs12-encrypted.hint': 'Connect to the site in the window, which asks for the passphrase (it is not saved); the ferry command line asks too, or reads FERRY_CLIENT_KEY_PASSPHRASE.',
  'site.fingerprint-invalid': '"{value}" is not a SHA-256 certificate fingerprint.',
  'site.fingerprint-invalid.hint': 'Give 32 bytes in hex, e.g. AB:CD:… (64 hex digits), as shown in the certificate dialog.',
  'site.ask-password-missing': 'Site "{site}" asks for the password when connecting, and none was given.',
  'site.ask-password-missing.hint': 'Enter the password (CLI: --password-stdin).',
  'site.folder-needs-name': 'A folder needs a name.',
  'site.folder-needs-name.hint': 'Give the new folder a name.',
  'site.top-level-rename': 'The top level cannot be renamed.',
  'site.top-level-move': 'The top level cannot be moved.',
  'site.top-level-delete': 'The top level cannot be deleted.',
  'site.choose-folder.hint': 'Choose a folder.',
  // Site and folder names keep their quotes, escaped inside them when misread (shownName(…, 'in-quotes'), docs/i18n.md).
  'site.folder-exists': 'A folder "{folder}" already exists.',
  'site.folder-exists.rename.hint': 'Choose another name, or move the sites into that folder.',
  'site.folder-exists.move.hint': 'Rename one of the two folders first, or move the sites one by one.',
  'site.folder-into-itself': 'The folder "{folder}" cannot be moved into itself or a folder inside it.',
  'site.folder-into-itself.hint': 'Drop it onto another folder.',
  'site.gone': 'There is no site with id {id}; it may have been deleted in another window.',
  'site.gone.hint': 'Reopen the Site Manager to see the current list.',
  'site.name-taken-top': 'A site named "{name}" already exists in the top level.',
  'site.name-taken-folder': 'A site named "{name}" already exists in folder "{folder}".',
  'site.name-taken.hint': 'Choose another name, or edit the existing site.',
  'site.no-folder': 'There is no folder "{folder}".',
  'site.no-folder.hint': 'Reopen the Site Manager to see the current folders.',

  // The window's own link to Ferry (the web host's WebSocket, Electron's IPC).
  'ipc.connection-lost': 'The connection to Ferry was lost before it answered.',
  'ipc.connection-lost.hint': 'Ferry reconnects by itself: try again in a moment. If you stopped Ferry, start it again.',
  'ipc.token-refused': "Ferry refused this page's access token.",
  'ipc.token-refused.hint': 'Ferry was probably restarted: open the new address it printed when it started.',
  'ipc.page-closed': 'This page closed its connection to Ferry.',
  'ipc.page-closed.hint': 'Reload the page to connect again.',
  'ipc.too-busy': 'Too many requests are waiting for an answer.',
  'ipc.too-busy.hint': 'Wait for the current operations to finish, then try again.',

  // Why a vault cannot keep passwords here, and the vault key file's problems (web host, command line).
  'vault.no-safe-storage': 'the system keychain is not available to Ferry (safeStorage reports no encryption)',
  'vault.no-keyring': 'no system keyring (GNOME Keyring or KWallet) is running, so Electron could only obfuscate the password',
  'vault.system-said': 'the system said "{detail}"',
  'vault.none': 'no secure storage is available',
  'vault.reason': '{message} {hint}',
  'vault-key.missing': 'The vault key {file} is missing, so stored passwords cannot be read.',
  'vault-key.missing.hint': 'Enter the passwords again (the key is created anew when one is saved).',
  'vault-key.format': 'A stored password is not in a format this Ferry understands.',
  'vault-key.mismatch': 'A stored password does not decrypt with the key in {file} (the key was replaced or the data altered).',
  'vault-key.enter-again.hint': 'Enter the password again.',
  'vault-key.unreadable': 'The vault key {file} cannot be read: {detail}',
  'vault-key.unreadable.hint': 'Check the permissions of the Ferry folder.',
  'vault-key.other-readers': 'The vault key {file} is readable by other users (mode {mode}), so Ferry will not use it to protect passwords.',
  'vault-key.other-readers.hint': 'Run: chmod 600 "{file}" (and check nobody copied it).',
  'vault-key.other-owner': 'The vault key {file} belongs to another user (uid {uid}).',
  'vault-key.other-owner.hint': 'Run Ferry as its owner, or remove the file and enter the passwords again.',
  'vault-key.damaged': 'The vault key {file} is damaged ({size} bytes instead of {expected}).',
  'vault-key.damaged.hint': 'Remove it and enter the saved passwords again.',
  'vault-key.uncreatable': 'The vault key {file} cannot be created: {detail}',
  'vault-key.uncreatable.hint': 'Check that the Ferry folder is writable.',

  // Ferry's own words inside a data connection's diagnosis ({detail}) and a proxy's name ({proxy}).
  'detail.wrapped': ' ({detail})',
  'detail.no-answer': 'no answer within {seconds} s',
  'detail.proxy-not-http': "its answer is not HTTP (a SOCKS proxy answers so: check the proxy's type)",
  'detail.nothing-connected': 'nothing connected within {seconds} s',
  'detail.tls-no-answer': 'the server did not answer it within {seconds} s',
  // Why active mode could not listen (active-listen-errors.ts): {range} is one of the three below.
  'detail.no-free-port': '{range}: no free port',
  'detail.range-in-use': 'every port of {range} stayed in use for {seconds} s, held by other programs or transfers: {code}',
  'detail.listen.privileged': '{range} includes ports below 1024, on which only an administrator (root) may listen here',
  'detail.listen.denied': 'the system did not permit listening on {range}: a security policy (SELinux, AppArmor, a sandbox) or a firewall program on this computer refused it',
  'detail.listen.no-address': 'this computer no longer has the address {host} that its connection to the server uses: the network changed, e.g. a VPN or Wi-Fi went away',
  'detail.listen.too-many-files': 'Ferry has as many files and connections open as the system allows it',
  'detail.listen.other': '{range}: the system said "{code}"',
  'detail.any-port': 'any port',
  'detail.port-range': '{low}-{high}',
  'detail.port-one': '{port}-{port}',
  'detail.reset-while': '{code} while transferring {subject}',
  'detail.other-address': 'it came from {from}; the server is {expected}',
  'detail.other-address-replied': 'it came from {from}; the server is {expected} and then answered "{reply}"',
  // What toErrorData makes of an error without Ferry's words: a system error in words, anything else a bug.
  'unexpected.failed': 'Unexpected failure: {detail}',
  'unexpected.failed.hint': 'This is a bug in Ferry; please report it with the log.',
  'system.network-failed': 'A network connection of this computer failed: {detail}.',
  'system.network-failed.hint': "Check this computer's network connection and try again.",
  'system.failed': 'The system reported a failure: "{detail}".',
  'system.failed.hint': 'Try again; if it keeps happening, please report it with the log.',
  // A socket's error code in words (socketErrorDetail, src/main/ftp/socket-errors.ts); a code not known keeps the system's words.
  'detail.socket.refused': 'connection refused: nothing listens on that port',
  'detail.socket.reset': 'the connection was reset',
  'detail.socket.broken': 'the connection was broken off',
  'detail.socket.timed-out': 'the connection timed out',
  'detail.socket.unreachable': 'the host or its network cannot be reached',
  'detail.socket.in-use': 'the address is already in use',
  'detail.socket.not-available': 'this computer does not have that address',
  'detail.socket.denied': 'the system did not permit it',
  'detail.socket.unresolved': 'the host name does not resolve',
  'detail.socket.other': 'the system said "{detail}"',
  // Someone else's words passed on as they came (a library's message): as they are in English, quoted in Chinese.
  'detail.quoted': '{detail}',
  'proxy.named': '{kind} proxy {where}',

  // Enter custom command…: commands the browsing session cannot carry. {verb}: the command's first word.
  'custom.empty': 'No command given.',
  'custom.empty.hint': 'Type an FTP command, e.g. SITE HELP or STAT.',
  'custom.line-break': 'A custom command is one line: a line break or NUL inside it would send the server a second command.',
  'custom.line-break.hint': 'Send one command at a time.',
  'custom.data': '{verb} needs a data connection, which a custom command cannot carry.',
  'custom.data.hint': 'Browse and transfer with the panes and the queue; for a raw transfer use the command line (ferry get/put/ls).',
  'custom.session': "{verb} would change the session's login, encryption or transfer settings under Ferry's feet.",
  'custom.session.hint': 'Change these in the Site Manager and connect again; use Disconnect to end the session.',

  // The server's greeting was a refusal. {reply}: the server's "421 …" line.
  'connect.greeting-refused': 'The server refused the connection: {reply}',
  'connect.greeting-too-many.hint': 'The server has too many connections (perhaps from you). Close other sessions or lower the connection limit, then try again.',
  'connect.greeting-refused.hint': 'Try again later or contact the server administrator.',

  // The control connection could not be opened. {where} is host:port.
  'connect.refused': '{where} refused the connection.',
  'connect.refused.hint': 'No FTP server listens there: check the host and port (21 for FTP, 990 for implicit FTPS). If it worked a moment ago, the server has stopped or is restarting: try again later.',
  'connect.dns': 'The host name "{host}" could not be resolved.',
  'connect.dns.hint': 'Check the spelling of the host name and your DNS settings.',
  'connect.timeout': 'The connection to {where} timed out.',
  'connect.timeout.hint': 'A firewall may drop the traffic, or the host is down.',
  'connect.unreachable': '{where} is unreachable from this computer.',
  'connect.unreachable.hint': 'Check your network connection and the host address.',
  'connect.reset': 'The connection to {where} was reset.',
  'connect.reset.hint': 'The server or a firewall cut the connection. Try again; if it persists, try FTPS or another port.',
  'connect.other': 'Connection to {where} failed: {detail}',
  'connect.other.hint': 'Check the host, port and your network.',
  'connect.ssh-server': '{where} is an SSH server ("{banner}"), not an FTP server: it offers SFTP, which Ferry does not speak.',
  'connect.ssh-server.hint': 'Check the port: FTP is usually on 21 and implicit FTPS on 990; 22 is SSH. For SFTP, use an SFTP client.',
  'connect.no-answer': 'Could not reach {where} within {seconds} s.',
  'connect.no-answer.hint': 'Check the host name and port, and that no firewall blocks outgoing connections to this port.',

  // Through a proxy (Settings → Proxy). {proxy} is "SOCKS 5 proxy host:port"; {where} the FTP server's host:port.
  'connect.proxy-unreachable': 'Could not connect through the {proxy}: {detail}.',
  'connect.proxy-unreachable.hint': "Check the proxy's type, address and port in Settings → Proxy, or turn the proxy off.",
  'connect.proxy-refused': 'The {proxy} did not connect to {where}: {detail}.',
  'connect.proxy-refused.hint': "The proxy may not allow this server or port, or the server is down. Ask the proxy's administrator, or bypass the proxy for this site (Site Manager → Advanced).",
  'connect.proxy-refused-port.hint': "HTTP proxies often allow CONNECT only to port 443 (tinyproxy's ConnectPort, Squid's SSL_ports): ask the proxy's administrator to allow port {port} and the server's passive ports, use a SOCKS proxy, or bypass the proxy for this site (Site Manager → Advanced).",
  'connect.proxy-auth': 'The {proxy} did not accept the user name and password ({detail}).',
  'connect.proxy-auth.hint': 'Check the proxy user and password in Settings → Proxy.',
  'connect.proxy-socks4-ipv6': 'The {proxy} cannot connect to {where}: SOCKS 4 carries IPv4 addresses and host names only, not IPv6 addresses.',
  'connect.proxy-socks4-ipv6.hint': 'Choose SOCKS 5 or HTTP (CONNECT) in Settings → Proxy, or connect to the server by its host name or IPv4 address.',
  'proxy.active-mode': 'Active mode cannot work through a proxy: the server would have to connect back to this computer, and a proxy only relays connections from it.',
  'proxy.active-mode.hint': 'Use passive mode for this site, or bypass the proxy for it (Site Manager → Advanced).',
  'proxy.active-mode.quick.hint': 'Use passive mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it), or save the connection as a site and bypass the proxy for it (Site Manager → Advanced).',
  'data.passive.via-proxy.hint': "The data connection went through the {proxy}; active mode cannot work through a proxy. Try again; if it keeps failing, ask the proxy's administrator whether it allows connections to the server's passive ports, or bypass the proxy for this site (Site Manager → Advanced).",
  'data.passive.proxy.hint': "The data connection went through the {proxy}, which may not allow the server's passive ports. Ask the proxy's administrator to allow them, or bypass the proxy for this site.",
  'data.passive.proxy.quick.hint': "The data connection went through the {proxy}, which may not allow the server's passive ports. Ask the proxy's administrator to allow them, or save the connection as a site and bypass the proxy for it (Site Manager → Advanced).",

  // A command that got no reply in time.
  'timeout.reply': 'No reply from {host} to "{command}" within {seconds} s.',
  'timeout.reply.hint': 'The server or the network is slow or gone. Try again, or raise the timeout in the settings.',
  // A command whose reply never came whole: what did come, named. {text}: the server's words, cut; {code}: a reply code.
  // A listing Ferry stopped reading. {limit}: "256 MiB", or a number of entries ("1,000,000").
  'listing.cut-tls': 'The listing of {path} from {host} stops in the middle of a line after {received} bytes, although the server answered "{reply}": its encrypted data connection was cut on the way, so the listing is incomplete.',
  'listing.cut-tls.hint': 'Try again. If it keeps happening, something between this computer and the server (a firewall, a proxy or an unstable link) is cutting the data connections: try the other transfer mode, or ask the network\'s administrator.',
  'listing.too-large': 'The listing of {path} is larger than {limit}; Ferry stopped reading it.',
  'listing.too-many': 'The listing of {path} has more than {limit} entries; Ferry stopped reading it.',
  'listing.too-big.hint': 'The folder is too large to list at once (memory would run out). Work in its subfolders, transfer files by their full path (ferry get), or ask the server administrator to split the folder.',
  'timeout.asked-to-wait': 'The server {host} asked to wait ("{reply}") and then sent nothing more within {seconds} s.',
  'timeout.asked-to-wait.hint': 'The server is not ready yet (starting up, or too busy). Try again after the time it named, or raise the timeout in the settings.',
  'reply.unterminated': 'The server {host} sent "{text}" in answer to "{command}" but never ended the line (FTP lines end with CR LF): nothing more came within {seconds} s.',
  'reply.unfinished': 'The server {host} began a multi-line reply to "{command}" ("{text}") but never sent its last line ("{code} …"): nothing more came within {seconds} s.',
  'reply.not-ftp': 'The server {host} answered "{command}" with text that is not an FTP reply ("{text}") and sent nothing else within {seconds} s.',
  'reply.malformed.hint': 'Check that the host and port are those of an FTP server. If they are, the server (or a device in between, such as a firewall that rewrites FTP) is misbehaving: tell its administrator.',

  // Negative replies: {reply} is the server's own "550 …" line.
  'reply.failed': '"{command}" failed: {reply}',
  'reply.failed-for': '"{command}" failed for {path}: {reply}',
  'reply.exists.hint': 'A file or folder of that name already exists there. Choose another name, or remove or rename the existing one first.',
  'reply.not-empty.hint': 'The folder is not empty. Delete what is in it first, or delete the folder with everything in it.',
  'reply.is-folder-delete.hint': 'That is a folder, not a file: delete folders as folders (with everything in them if they are not empty).',
  'reply.is-folder.hint': 'That is a folder, not a file: transfer folders with mirror or by queueing the folder.',
  'reply.is-file.hint': 'That is a file, not a folder.',
  'reply.overwrite-denied.hint': "The server does not let an upload replace an existing file. Delete or rename the file on the server first, or upload under another name; its administrator can allow replacing (proftpd: AllowOverwrite on).",
  'reply.file-too-large.hint': "The server limits the size of one file (proftpd: MaxStoreFileSize), or its file system does, and this file is over it: freeing space will not help. Split the file, or ask the server's administrator for a higher limit.",
  'reply.name-refused.hint': "The server does not accept this name: its rules forbid some names or characters (such as : * ? \\ or a leading dot). Use another name, or ask the server's administrator which names it allows.",
  'reply.denied.hint': 'The server denies you this. Check the permissions of the file or folder, or ask the server administrator.',
  'reply.missing.hint': 'It does not exist on the server. Check the path (names are case-sensitive on most servers) and refresh the listing.',
  'reply.mkd.hint': 'The folder may already exist, its parent folder may be missing, or you lack permission to create it.',
  'reply.rmd.hint': 'The folder may not exist, may not be empty, or you lack permission to remove it.',
  'reply.dele.hint': 'The file may not exist, may be a folder, or you lack permission to delete it.',
  'reply.read.hint': 'The file may not exist, may be a folder, or you lack permission to read it.',
  'reply.read-denied.hint': "The file is there (the server gave its size) but the server would not open it: this account may not read it. Ask the server's administrator to let it read the file (its permissions or owner).",
  'reply.write.hint': 'The folder may not exist, or you lack permission to write there.',
  'reply.folder.hint': 'The folder may not exist, may be a file, or you lack permission to open it.',
  'reply.550.hint': 'The file or folder does not exist, or you lack permission for it. Check the path and its permissions.',
  'reply.421': 'The server is closing the connection: {reply}',
  'reply.421-for': 'The server is closing the connection for {path}: {reply}',
  'reply.421.hint': 'The server limits connections or idle time. Lower the number of connections for this site and try again.',
  'reply.425': 'The data transfer failed: {reply}',
  'reply.425-for': 'The data transfer for {path} failed: {reply}',
  'reply.425.hint': 'Try again; if it keeps failing, switch between passive and active mode for this site.',
  'reply.425.quick.hint': 'Try again; if it keeps failing, switch between passive and active mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it).',
  'reply.450': 'The server could not complete "{command}": {reply}',
  'reply.450-for': 'The server could not complete "{command}" for {path}: {reply}',
  'reply.450.hint': 'A temporary problem on the server; try again later.',
  'reply.452': 'The server is out of space: {reply}',
  'reply.452-for': 'The server is out of space for {path}: {reply}',
  'reply.452.hint': 'Free space on the server or ask its administrator for a larger quota.',
  'reply.530': 'Not logged in: {reply}',
  'reply.530-for': 'Not logged in, for {path}: {reply}',
  'reply.530.hint': 'Check the user name and password.',
  'reply.532': 'The server requires an account for storing files: {reply}',
  'reply.532-for': 'The server requires an account for storing {path}: {reply}',
  'reply.532.hint': 'Ask the server administrator which account to use.',
  'reply.553': 'The server refused to create or rename: {reply}',
  'reply.553-for': 'The server refused to create or rename {path}: {reply}',
  'reply.unsupported': 'The server does not support "{verb}": {reply}',
  'reply.unsupported-for': 'The server does not support "{verb}" (for {path}): {reply}',
  'reply.unsupported.hint': 'This server lacks the feature; there is nothing Ferry can do on this connection.',
  'listing.unreadable.hint': "The server could not read this folder: this account may enter it but not list it. Download by path… fetches a file whose name you know and Upload to folder… sends files into it; or ask the server's administrator to let it list the folder.",
  'reply.server-failed.hint': "The server failed on its side (vsftpd says \"OOPS\" for its own errors) — not a missing feature, nor anything you did. Connect again and retry; if it keeps failing, tell the server's administrator what it said (vsftpd's \"priv_sock_get_cmd\" or \"child died\" usually mean its seccomp_sandbox must be turned off).",
  'reply.failed-midway.hint': 'The server accepted the transfer and then failed during it: an error on the server, not a missing feature. Try again: Ferry resumes from what was transferred where the server allows it. If it keeps happening, tell the server\'s administrator.',
  'reply.later.hint': 'Try again later.',
  'reply.check.hint': 'Check the path and your permissions on the server.',
  'reply.553.hint': 'You may lack write permission in that folder (check its permissions or ask the server admin), or the name has characters the server refuses.',

  // Logging in. {reply} is the server's answer.
  'auth.failed': 'Login as "{user}" failed: {reply}',
  'auth.password.hint': 'Check the user name and password.',
  'auth.tls-required.hint': 'The server requires an encrypted connection: choose FTPS for this site.',
  'auth.too-many.hint': 'The server has too many connections; try again later or lower the connection limit.',
  'auth.user-refused.hint': "The server refused this user name before asking for a password: the account may not exist, or may not log in by FTP (a deny list: vsftpd's user_list, /etc/ftpusers — root is usually on it). Check the user name, or ask the server's administrator.",
  // A refused login that is not about a typed password (login-errors.ts): no credentials were given, or the server took
  // them and then failed its own set-up (vsftpd's "500 OOPS: …").
  'auth.anonymous-refused': 'The server refused the anonymous login: {reply}',
  'auth.anonymous-refused.hint': "This server may not allow anonymous logins: log in with the user name and password its administrator gave you (Site Manager → General → Logon type: Normal).",
  'auth.home-unavailable': 'The server took the login as "{user}" but cannot open its home folder: {reply}',
  'auth.home-unavailable.hint': "Not your password: the account's home folder on the server is missing, or the account may not enter it. Ask the server's administrator to create it or fix its permissions.",
  'auth.writable-chroot': 'The server took the login as "{user}" but refuses to lock it into a home folder it can write to: {reply}',
  'auth.writable-chroot.hint': "Not your password: this is the server's set-up. Ask the server's administrator to take write permission off the account's home folder (chmod a-w, with a subfolder for uploads) or to set allow_writeable_chroot=YES in vsftpd.conf.",
  'auth.server-failed': 'Login as "{user}" failed on the server\'s side: {reply}',
  'auth.server-failed.hint': "Not your password: the server hit an error of its own (vsftpd says \"OOPS\" for these). Try again; if it persists, tell the server's administrator what it said.",

  // Encryption.
  'tls.not-offered': 'The server does not offer TLS (AUTH TLS answered "{reply}").',
  'tls.not-offered.hint': 'Choose "FTPS if available" or plain FTP for this site only if you accept an unencrypted connection.',
  'tls.prot-refused': 'The server refused to protect data connections (PROT P: {reply}).',
  'tls.prot-refused.hint': 'The server does not support encrypted transfers; ask its administrator.',
  'tls.after-auth-text': '{host} sent more after accepting AUTH TLS, before TLS had started: "{text}". Text that comes unencrypted at that point may have been slipped in by someone on the network, so Ferry does not go on.',
  'tls.after-auth-text.hint': "Try again later or from another network; if it happens every time, tell the server's administrator (a server, or a firewall inspecting FTP, that sends text after its 234 breaks FTPS). Neither the user name nor the password was sent.",
  'tls.handshake': 'The TLS handshake with {host} failed: {detail}',
  'certificate.untrusted': "The server's certificate is not trusted ({reason}). SHA-256 fingerprint: {fingerprint}.",
  'certificate.untrusted.self-signed': "The server's certificate is not trusted: it is self-signed, so no certificate authority vouches for it. SHA-256 fingerprint: {fingerprint}.",
  'certificate.untrusted.expired': "The server's certificate is not trusted: it expired on {validTo}. SHA-256 fingerprint: {fingerprint}.",
  'certificate.untrusted.not-yet-valid': "The server's certificate is not trusted: it is valid only from {validFrom} (check this computer's clock). SHA-256 fingerprint: {fingerprint}.",
  'certificate.untrusted.unknown-issuer': "The server's certificate is not trusted: its issuer ({issuer}) is unknown to this computer, e.g. a private certificate authority. SHA-256 fingerprint: {fingerprint}.",
  'certificate.untrusted.other-host': "The server's certificate is not trusted: it was issued for another host name ({subject}), not {host}. SHA-256 fingerprint: {fingerprint}.",
  'certificate.untrusted.other-host.hint': "The certificate names {names}, not {host}: that may be another server than the one you meant (a shared host's certificate, a wrong address, or someone intercepting). If the server is known by one of those names, connect with it; trust this fingerprint for this site only if the server's administrator confirms it (CLI: --trust-fingerprint).",
  'certificate.untrusted.hint': 'If you recognise this fingerprint (ask the server admin), trust it for this site (CLI: --trust-fingerprint).',
  'certificate.changed': "The server's certificate has CHANGED: {host} now presents SHA-256 {fingerprint}, not the one trusted for it ({trusted}).",
  'certificate.changed.hint':
    'Someone may be intercepting the connection, or the server got a new certificate. Do not connect until the server admin confirms the new fingerprint; then trust it for this site (CLI: --trust-fingerprint).',
  'fxp.tls': 'A server-to-server copy cannot be encrypted: its data connection runs between the two servers, which would need CPSV/SSCN.',
  'fxp.tls.hint': 'Copy through this computer instead (encrypted on both sides), or connect without TLS for this copy.',
  'fxp.proxy': 'A server-to-server copy cannot go through a proxy: the servers connect to each other directly.',
  'fxp.proxy.hint': 'Copy through this computer instead, or bypass the proxy for these sites.',
  'tls.implicit-mismatch': '{where} did not answer TLS: it speaks plain FTP first, so it expects explicit FTPS (AUTH TLS) or plain FTP, not implicit FTPS.',
  'tls.implicit-mismatch.hint': 'Choose "Require explicit FTP over TLS" for this site (usually port 21).',
  'timeout.greeting': 'No greeting from {where} within {seconds} s. A server on an implicit FTPS port (usually 990) says nothing until TLS has started.',
  'timeout.greeting.hint': 'If this is an implicit FTPS port, choose "Require implicit FTP over TLS" for this site; otherwise the server or the network is slow: try again, or raise the timeout in the settings.',
  // The same silence from a server that greeted earlier in this run (greeted-servers.ts): a reconnect, not a first contact.
  'timeout.greeting-again': 'No greeting from {where} within {seconds} s: the server greeted Ferry earlier, but not this time.',
  'timeout.greeting-again.hint': 'The network link or the server may be down: check this computer\'s connection (or ask the server\'s admin whether it is running), then try again.',
  'tls.handshake.hint': 'Check that the server supports FTPS, or choose plain FTP for this site if you accept an unencrypted connection.',
  // A failed TLS handshake by cause (ftp/tls-handshake-errors.ts); OpenSSL's own words go to the message log only.
  'tls.handshake.not-tls': '{host} accepted AUTH TLS but then did not start TLS: it went on in plain text, so no encrypted connection could be set up.',
  'tls.handshake.not-tls.hint':
    "The server's FTPS set-up is broken (it may fail to load its certificate or key), or a firewall or router that inspects FTP answers for it. Ask the server admin; choose plain FTP for this site only if you accept an unencrypted connection.",
  'tls.handshake.version': 'The TLS handshake with {host} failed: the server and Ferry have no TLS version in common. The server probably offers only TLS 1.0 or 1.1, which are no longer safe and which Ferry does not use.',
  'tls.handshake.version.hint': 'Ask the server admin to enable TLS 1.2 or TLS 1.3 (proftpd: TLSProtocol TLSv1.2 TLSv1.3).',
  'tls.handshake.cipher': 'The TLS handshake with {host} failed: the server accepted none of the ciphers Ferry offers (no cipher in common, or none that fits its certificate).',
  'tls.handshake.cipher.hint': 'Ask the server admin to allow current ciphers (ECDHE with AES-GCM or ChaCha20-Poly1305) or to enable TLS 1.3; Ferry does not fall back to weak ciphers.',
  'tls.handshake.closed': '{host} closed the connection during the TLS handshake, before encryption was set up.',
  'tls.handshake.closed.hint': "The server may refuse the encrypted connection (its log says why: a certificate or key it cannot load, a connection limit), or a firewall cut it. Try again; if it persists, ask the server admin.",
  'tls.handshake.timeout': '{host} accepted AUTH TLS but did not answer the TLS handshake within {seconds} s.',
  'tls.handshake.timeout-implicit': '{where} accepted the connection but did not answer the TLS handshake within {seconds} s.',
  'tls.handshake.timeout.hint': 'The server or the network may be slow, or a firewall between holds encrypted traffic. Try again or raise the timeout in the settings; if it persists, ask the server admin.',
  // A server that demands a TLS client certificate (ftp/client-certificate-errors.ts), and a certificate or key that
  // cannot be used (ftp/client-certificate.ts).
  'tls.client-certificate.required': '{host} requires a TLS client certificate: it asked Ferry to identify itself with a certificate during the TLS handshake and ended the connection when none came.',
  'tls.client-certificate.required.hint': 'Ask the server admin for a client certificate and its private key (PEM files, or one PKCS#12 .p12/.pfx file) issued for you, and give them in Site Manager → Advanced → Client certificate.',
  'tls.client-certificate.unknown-ca': '{host} refused the client certificate Ferry presented: it was not issued by a certificate authority the server trusts.',
  'tls.client-certificate.refused': '{host} refused the client certificate Ferry presented ({detail}).',
  'tls.client-certificate.refused.hint': 'Check that this is the certificate the server admin issued for this server, given with its own key, and that it has not expired; if it is, ask the admin which certificate authority the server trusts.',
  'tls.client-certificate.unreadable': 'The client certificate could not be read: it is neither a PEM certificate (one that begins with -----BEGIN CERTIFICATE-----) nor a PKCS#12 file (.p12, .pfx).',
  'tls.client-certificate.unreadable.hint': 'Give the certificate as a PEM file, or the PKCS#12 file (.p12, .pfx) holding both the certificate and its key.',
  'tls.client-key.unreadable': 'The private key of the client certificate could not be read: it is not a PEM private key.',
  'tls.client-key.unreadable.hint': 'Give the key as a PEM file (-----BEGIN PRIVATE KEY----- …); a PKCS#12 file (.p12, .pfx) holds its key and needs none.',
  // A PKCS#12 (.p12/.pfx) file that cannot be used (ftp/client-certificate.ts, pkcs12Failure).
  'tls.client-pkcs12.passphrase-missing': 'The PKCS#12 file of the client certificate is protected by a passphrase, and none was given to open it.',
  'tls.client-pkcs12.passphrase-missing.hint': 'Enter the passphrase the file was exported with when asked (on a terminal), or set FERRY_CLIENT_KEY_PASSPHRASE.',
  'tls.client-pkcs12.passphrase-wrong': 'The passphrase does not open the PKCS#12 file of the client certificate.',
  'tls.client-pkcs12.passphrase-wrong.hint': 'Check the passphrase: it is the one the file was exported with, not the FTP password.',
  'tls.client-pkcs12.no-key': 'The PKCS#12 file holds a certificate but no private key, so it cannot identify you to the server.',
  'tls.client-pkcs12.no-key.hint': 'Ask for the file again with its private key, or give the certificate and its key as PEM files; to make one: openssl pkcs12 -export -in cert.pem -inkey key.pem -out client.p12',
  'tls.client-pkcs12.legacy': 'The PKCS#12 file is encrypted with RC2, an old algorithm (older Windows and OpenSSL 1.x exports) that Ferry cannot read.',
  'tls.client-pkcs12.legacy.hint': 'Convert it once: openssl pkcs12 -legacy -in OLD.p12 -nodes -out plain.pem && openssl pkcs12 -export -in plain.pem -out NEW.p12, then delete plain.pem (it holds the key unencrypted) and give NEW.p12.',
  'tls.client-pkcs12.unreadable': 'The PKCS#12 file of the client certificate cannot be read: it is damaged or incomplete.',
  'tls.client-pkcs12.unreadable.hint': 'Copy the file again from where you got it (as binary, not as text), or give the certificate and its key as PEM files.',
  'tls.client-key.passphrase-missing': 'The private key of the client certificate is encrypted, and no passphrase was given to open it.',
  'tls.client-key.passphrase-missing.hint': 'Enter its passphrase when asked (on a terminal), or keep a copy of the key without one: openssl pkey -in KEY.pem -out key-plain.pem — then readable by you alone.',
  'tls.client-key.passphrase-wrong': 'The passphrase does not open the private key of the client certificate.',
  'tls.client-key.passphrase-wrong.hint': "Check the passphrase: it is the key's own, not the FTP password.",
  'tls.client-key.mismatch': 'The private key does not belong to the client certificate: they were not made together.',
  'tls.client-key.mismatch.hint': 'Give the key file that goes with this certificate.',
  'log.tls-detail': 'TLS handshake failed; OpenSSL said: {detail}',

  // A control connection that is gone.
  'closed.by-ferry': 'The connection was closed by Ferry.',
  'closed.connect-again.hint': 'Connect again.',
  'closed.by-server': 'The server {host} closed the connection.',
  'closed.mid-transfer-receiving': 'The server {host} closed the connection during the transfer of {path}, without confirming it ({bytes} bytes had arrived).',
  'closed.mid-transfer-sending': 'The server {host} closed the connection during the transfer of {path}, without confirming it ({bytes} bytes had been sent).',
  'closed.mid-transfer.hint': 'Try again: Ferry resumes from what was transferred where the server allows it. If it keeps happening, the server may limit how long a transfer or connection may last: ask its administrator.',
  'closed.mid-transfer-receiving.proxy': 'The connection through the {proxy} to the server {host} closed during the transfer of {path}, without confirming it ({bytes} bytes had arrived): the proxy or the server ended it.',
  'closed.mid-transfer-sending.proxy': 'The connection through the {proxy} to the server {host} closed during the transfer of {path}, without confirming it ({bytes} bytes had been sent): the proxy or the server ended it.',
  'closed.mid-transfer.proxy.hint': "Try again: Ferry resumes from what was transferred where the server allows it. If it keeps happening, the proxy (restarted, or limiting how long a connection may last) or the server is ending it: ask the proxy's administrator, or bypass the proxy for this site (Site Manager → Advanced).",
  'transfer.download-short': 'The server {host} answered "{reply}" to the download of {path} after {received} of the {size} bytes it announced: the file is incomplete.',
  'transfer.upload-short': 'The server {host} answered "{reply}" to the upload of {path}, but its copy has {received} of the {size} bytes: the upload is incomplete.',
  'transfer.upload-cut': 'The server {host} answered "{reply}" to the upload of {path}, but closed the data connection after {sent} of the {size} bytes had been sent: the upload is incomplete.',
  'transfer.download-short-size': 'The server {host} answered "{reply}" to the download of {path} after {received} of the {size} bytes the file has: the file is incomplete.',
  'transfer.incomplete.hint': 'Try again: Ferry resumes from what was transferred where the server allows it. If it keeps happening, the server may limit file sizes or be short of space: ask its administrator.',
  // A name the site's charset (GBK, …) cannot hold: refused before it is sent, as encoders would write "?" for it.
  'charset.pwd-not-utf8': 'The server named its current folder in bytes that are not UTF-8 ({path}), so Ferry cannot name it back.',
  'charset.pwd-not-utf8.hint': "Set this site's encoding to the server's charset (Site Manager → Charset; command line: --charset NAME), e.g. GBK for an older Chinese server.",
  'log.pwd-not-utf8': 'The server named its current folder in bytes that are not UTF-8 ({path}); starting at / instead.',
  'charset.unencodable': '{name} cannot be sent to this server: its names are in {charset}, which has no "{chars}".',
  'charset.unencodable.hint': "Use a name made of characters {charset} has, or set the site's encoding to UTF-8 if the server supports it (Site Manager → Charset).",
  // A listed name whose bytes the site's charset could not read ("�" in their place): sent, it would name another file.
  'charset.unreadable-name': '{name} holds "�" where the server\'s name has bytes that are not valid {charset}, so Ferry cannot name it back: sending it would name another file, or none.',
  'charset.unreadable-name.hint': "Set this site's encoding to the server's charset (Site Manager → Charset; command line: --charset NAME), e.g. GBK for an older Chinese server. A name that is valid in no charset can only be renamed on the server itself.",
  'closed.by-server.hint': 'Connect again; if it keeps happening, the server may limit idle time or connections.',
  'closed.awaiting-reply': 'The server {host} closed the connection without answering "{command}".',
  'closed.awaiting-reply.hint': "Its session ended on that command: the server's process may have failed on it (vsftpd logs \"child died\" or \"OOPS\"), or a limit or a firewall cut the connection. Connect again; if the same command ends it again, tell the server's administrator.",
  'closed.by-server.proxy': 'The connection through the {proxy} to the server {host} closed: the proxy or the server ended it.',
  'closed.by-server.proxy.hint': "Connect again; if it keeps happening while idle, the proxy or the server may limit idle time or connections: ask the proxy's administrator first.",
  'closed.awaiting-reply.proxy': 'The connection through the {proxy} to the server {host} closed without an answer to "{command}": the proxy or the server ended it.',
  'closed.awaiting-reply.proxy.hint': "The proxy may have been restarted or cut the connection, or the server's process may have failed on that command. Connect again; if it keeps happening, ask the proxy's administrator, then the server's.",
  // Closed while the connection was being opened (login-errors.ts turnedAway): the server turns this computer away.
  'closed.before-greeting': 'The server at {host}:{port} closed the connection at once, without greeting.',
  'closed.before-greeting.hint': "The server turns this computer away before any FTP is spoken: an access list (tcp_wrappers' hosts.deny), a ban after failed logins (fail2ban), or a connection limit kept without a reply — or the port is not an FTP server's. Try again later; if it keeps happening, ask the server's administrator whether your address is allowed.",
  'closed.during-login': 'The server {host} closed the connection during the login as "{user}", without answering.',
  'closed.during-login.hint': "The server turns this computer or this user away after its greeting: an access list or a ban after failed logins (fail2ban), a connection limit kept without a reply, or its session process failed (its log says why). Try again later; if it keeps happening, ask the server's administrator.",
  'closed.reply': 'The server closed the connection: {reply}',
  'closed.reply.hint': 'The server limits idle time or connections. Connect again.',
  'closed.session-gone': 'This connection is no longer open.',
  'closed.session-gone.hint': 'Connect to the site again.',
  // Reconnect of a session main no longer has (nor kept at Disconnect): Ferry restarted, or the tab was forgotten.
  'closed.reconnect-forgotten': "Ferry no longer has this connection's password; connect again from the quick connect bar.",
  'closed.reconnect-forgotten.hint': "Ferry keeps a connection's password in memory only: it is gone once Ferry has restarted or the tab that held it was closed. A saved site keeps its password.",
  // A restored queue's transfers of a quick connection (its password was never saved).
  // A transfer whose result does not check out. {path} is the remote path.
  'verify.size-local': 'The local copy of {path} has {actual} bytes after the transfer, but {expected} were expected.',
  'verify.size-remote': "The server's copy of {path} has {actual} bytes after the transfer, but {expected} were expected.",
  'verify.size.hint': 'The file changed during the transfer or the transfer was cut short. Transfer it again (retry).',
  'verify.checksum': 'The {algorithm} checksum of {path} does not match: the server has {remote}, the local copy {local}.',
  'verify.checksum.hint': 'The file was changed or damaged in transit. Transfer it again (retry); if it keeps happening, check the server disk or the network.',
  'verify.changed-during-download': '{path} changed on the server while it was being downloaded, and again while it was downloaded a second time: the server is still writing it, so no whole version of it could be downloaded.',
  'verify.changed-during-download.hint': 'Wait until the server has finished writing the file (the upload or the program making it is done), then try again: the download starts over.',
  'queue.question-gone': 'This question was already answered or its item is gone.',
  // The name typed for Rename in the overwrite question ({name} in quotes, shownName). Said in the dialog as typed, and by main.
  'queue.rename.empty': 'Type the new name for the file.',
  'queue.rename.blank': 'A name of spaces alone cannot be used.',
  'queue.rename.separator': '“{name}” holds a slash: the new name is a name in the same folder, not a path.',
  'queue.rename.dot-name': '“{name}” is not a file name: “.” and “..” stand for folders.',
  'queue.rename.control-character': '“{name}” holds a control character (a line break or a tab).',
  'queue.rename.same-as-target': '“{name}” is the name of the file that already exists: Rename keeps that file and writes the new one beside it.',
  'queue.rename.unsafe': '“{name}” cannot be a file name on this computer.',
  'queue.rename.taken-local': '“{name}” already exists on this computer too, so it was not used (nothing was overwritten).',
  'queue.rename.taken-remote': '“{name}” already exists on the server too, so it was not used (nothing was overwritten).',
  'queue.rename.hint': 'Type another name, or choose another action.',
  'queue.quick-gone': 'The quick-connect session these transfers belong to is gone (Ferry was restarted).',
  'queue.quick-gone.hint': 'Quick-connect to the server again, then retry the failed items; or save the server as a site.',
  'queue.ask-password-gone': 'The site "{site}" asks for its password at each connection, and Ferry was restarted since it was given.',
  'queue.ask-password-gone.hint': 'Connect to the site again (entering the password), then retry the failed items.',
  'queue.site-gone': 'The site these transfers belong to was deleted.',
  'queue.file-unreadable': 'The saved transfer queue could not be read ({problem}); it was kept as {aside} and the queue starts empty.',
  'queue.file-salvaged': 'Part of the saved transfer queue could not be read ({problem}); {kept} of its {total} items are back in the queue, and the file as it was is kept as {aside}.',
  'queue.log-salvaged': 'Part of the transfer queue’s latest changes could not be read ({problem}); the queue is back with the changes saved before that part, and the change log as it was is kept as {aside}.',
  'queue.file-stuck': 'The saved transfer queue {file} could not be read ({problem}) nor moved aside ({detail}). The queue starts empty and is not saved, so that file stays as it is: move or repair it, then restart Ferry.',
  'queue.file-newer': 'The saved transfer queue {file} was written by a newer Ferry (format {format}; this one reads format 1). It is left as it is and this queue is not saved over it, so that Ferry finds it again: use that version, or move the file away to keep a queue here.',
  // {reason}: why, a sentence of the table (local.*, folder.not-made.*); {fix}: what to do about it (its hint).
  'queue.save-failed': 'The transfer queue could not be saved to {file}: {reason} {fix} Until it is saved, a restart would lose its latest changes; Ferry tries again at each change and says when it has saved.',
  'queue.saved-again': 'The transfer queue is saved again ({file}).',
  // {path}: the user's file a Resume would have continued; {reason}, {fix}: as in queue.save-failed.
  'queue.resume-not-saved': '{path} was not resumed and is untouched: the transfer queue could not be saved to {file}. {reason} Ferry saves the queue before it moves a file it resumes to its partial name, so that a crash cannot leave the file where no item would find it.',
  'queue.resume-not-saved.hint': '{fix} Then retry the item.',
  'queue.worker-stopped': 'A transfer worker stopped unexpectedly: {reason}',
  'queue.site-gone.hint': 'Connect to the server again and queue them anew, or remove them from the queue.',

  // Local files. {detail} is the system's own words ("ENOENT: no such file or directory, open …").
  'local.failed': 'Local file {path}: {detail}',
  // A local name whose bytes are not UTF-8 (local/local-name-charset.ts): Node gives it with "�" and cannot open it.
  'local.name-not-utf8': 'The name of {path} on this computer is not UTF-8 ("�" stands for bytes Ferry cannot read), so Ferry cannot open it.',
  'local.name-not-utf8.hint': 'Rename it to a UTF-8 name. Names from a Chinese Windows zip or disk are often GBK: convmv -f GBK -t UTF-8 --notest NAME renames them, and unzip -O GBK extracts them right.',
  'local.missing': '{path} does not exist on this computer.',
  'local.part-vanished': 'The partial file {path} was removed while {remote} was being downloaded into it: what had arrived is lost.',
  'local.part-vanished.hint': 'Try again: the download starts over. If a cleanup tool or a sync client removes files in this folder, keep it away from files ending in .ferry-part.',
  'local.part-busy': 'Another Ferry transfer is writing {path} right now (a download of {remote} into the same folder), so this one did not write into it.',
  'local.part-busy.hint': 'Wait for the other transfer to finish, then try again — or download into another folder.',
  'local.changed-while-read': '{path} changed on this computer while it was being uploaded to {remote}: the copy on the server may mix the old and the new contents.',
  'local.changed-while-read.hint': 'Wait until the program writing the file has finished, then try again: the upload starts over.',
  'local.file-not-folder': '{path} is a file, not a folder.',
  'local.not-folder': 'A part of {path} is a file, not a folder.',
  'local.denied': 'Permission denied for {path} on this computer.',
  'local.full': 'The disk is full: {path} could not be written.',
  'local.is-folder': '{path} is a folder, not a file.',
  'local.read-only': '{path} is on a read-only disk.',
  'local.exists': '{path} already exists on this computer.',
  'local.exists.hint': 'Choose another name, or move the existing file or folder away first.',
  'local.file-not-folder.hint': 'To see it in its folder, open {folder}.',
  'local.missing.hint': 'Check that the file or folder exists.',
  'local.denied.hint': 'You lack permission for this file or folder; choose another location or change its permissions.',
  'local.full.hint': 'The disk is full; free some space and try again.',
  'local.is-folder.hint': 'A folder has this name; choose another name.',
  'local.read-only.hint': 'The disk is read-only; choose another location.',
  'local.other.hint': 'Check the local path and disk.',
  // More of the system's refusals said in words (file-transfer.ts LOCAL_TEXTS), so no window shows Node's English for them.
  'local.quota': 'Your disk quota is used up: {path} could not be written.',
  'local.quota.hint': 'Delete files you no longer need from that disk, or ask its administrator for a larger quota.',
  'local.name-too-long': 'The name or the whole path of {path} is longer than this computer allows.',
  'local.name-too-long.hint': 'Choose a shorter name, or a folder nearer the top of the disk.',
  // A local folder past the local pane's cap (local-files.ts); its message is listing.too-many.
  'local.listing-too-many.hint': 'The folder is too large to show at once (memory would run out). Open one of its subfolders, move part of its files into subfolders, or transfer them by their full path (ferry put).',
  'local.too-many-open': 'Too many files are open on this computer: {path} could not be opened.',
  'local.too-many-open.hint': 'Close some programs, or lower the number of simultaneous transfers, then try again.',
  'local.io': 'The disk could not read or write {path} (an input/output error): the disk, or its connection, may be failing.',
  'local.io.hint': 'Check that the disk is still connected (a USB disk, a network share), then try again; if it keeps happening, check the disk for errors.',
  'local.busy': '{path} is in use by the system or another program.',
  'local.busy.hint': 'Close the program using it, or wait until it is done, then try again.',
  'local.running-program': '{path} is a program that is running, so it cannot be written.',
  'local.running-program.hint': 'Quit that program first, or choose another name.',
  'local.link-loop': '{path} goes through too many symbolic links (a link that leads back to itself).',
  'local.link-loop.hint': 'Fix or remove the link, or choose another location.',
  // A Windows drive that answered its probe with an error (an empty card reader or CD drive, a network drive gone).
  'local.drive-not-ready': 'Drive {drive} is not ready: there is no disk or memory card in it, or it is a network drive that is not connected.',
  'local.drive-not-ready.hint': 'Insert a disk or memory card into {drive}, or reconnect the network drive in File Explorer, then open {drive} again.',
  // The local pane's watch of its folder (main/local/folder-watcher.ts): it could not start, or it ended.
  'local.watch-relative': 'Ferry watches only a full path, not {path}.',
  'local.watch-limit': "Ferry cannot watch {path} for changes made by other programs: this computer's limit on watched folders is reached.",
  'local.watch-failed': 'Ferry cannot watch {path} for changes made by other programs: {reason}',
  'local.watch-fallback.hint': 'The local pane is listed again each time the Ferry window gets the focus; F5 lists it now.',
  'local.watch-gone': '{path} no longer exists: another program deleted or moved it.',
  'local.watch-gone.hint': 'Open another folder (Backspace goes up a level).',
  // A code not said above, inside another sentence (localFailureText): the system's English, quoted as its words.
  'local.system-said': '{path}: the system said "{detail}".',
  // A folder on this computer that could not be made (main/local/make-folders.ts). {path}: that folder; {parent}: the one it was to be made in.
  'folder.not-made.not-folder': 'Ferry could not create the folder {path}: a file of that name is in the way.',
  'folder.not-made.not-folder.hint': 'Move or rename that file, or choose another folder.',
  'folder.not-made.broken-link': 'Ferry could not create the folder {path}: a link of that name is in the way, and what it points to does not exist.',
  'folder.not-made.broken-link.hint': 'Remove the link or make it point to a folder, or choose another folder.',
  'folder.not-made.denied': 'Ferry could not create the folder {path}: permission denied in {parent}.',
  'folder.not-made.denied.hint': 'Choose a folder you may write to (in your home folder, for one), or give yourself permission to write in {parent}.',
  'folder.not-made.read-only': 'Ferry could not create the folder {path}: {parent} is on a read-only disk.',
  'folder.not-made.read-only.hint': 'Choose a folder on a disk that can be written to.',
  'folder.not-made.system-folder': 'Ferry could not create the folder {path}: {parent} is a system folder (such as /proc or /sys) that cannot hold files.',
  'folder.not-made.system-folder.hint': 'Choose a folder on a disk instead, in your home folder for one.',
  'folder.not-made.name-too-long': 'Ferry could not create the folder {path}: its name or its whole path is longer than this computer allows.',
  'folder.not-made.name-too-long.hint': 'Choose a shorter name, or a folder nearer the top of the disk.',
  'folder.not-made.full': 'Ferry could not create the folder {path}: the disk is full.',
  'folder.not-made.full.hint': 'Free some space on that disk, or choose a folder on another disk.',
  'folder.not-made.missing': 'Ferry could not create the folder {path}: {parent} does not exist.',
  'folder.not-made.failed': 'Ferry could not create the folder {path}: {detail}',
  // A file to be written where no file can be (its hint is folder.not-made.system-folder.hint).
  'local.system-folder': 'Ferry could not create the file {path}: {parent} is a system folder (such as /proc or /sys) that cannot hold files.',

  // Names already taken: nothing is replaced silently.
  'exists.rename': '"{name}" already exists in {folder}; renaming would replace it.',
  'exists.rename.hint': 'Choose another name, or delete the existing item first.',
  'exists.new-file': '"{name}" already exists in {folder}.',
  'exists.new-file.hint': 'Choose another name, or open the existing file with View/Edit.',
  'exists.local': '{path} already exists.',
  'exists.local.hint': 'Choose another name, or open the existing file with Edit.',

  // Transfer type and compression.
  'ascii.no-resume': 'An ASCII transfer of {path} cannot resume: line endings make the sizes on the two sides differ.',
  'ascii.no-resume.hint': 'Transfer it again from the start, or in binary mode.',
  'modez.unreadable': "The server's compressed data for {path} could not be read ({detail}); nothing was saved as complete.",
  'modez.unreadable.hint': 'Turn off compression in Settings → Connections (or leave out --compress) and try again.',

  // Saved passwords protected by a master password.
  'master.locked': 'The saved passwords are protected by a master password, which has not been entered yet.',
  'master.locked.hint': 'Enter the master password (Settings → Passwords; the command line reads FERRY_MASTER_PASSWORD), then try again.',
  'master.wrong': 'That is not the master password.',
  'master.wrong.hint': 'Check the keyboard layout and Caps Lock, and try again. A forgotten master password cannot be recovered: remove it (Settings → Passwords → Forgot it…, or ferry passwords reset-master) and enter the saved passwords again.',

  // Active mode's external address (Settings → Active mode, --active-address).
  'active.external-unresolved': 'Active mode: the external address "{address}" does not resolve to an IPv{family} address ({detail}).',
  'active.external-unresolved.hint': 'Give your public IP address, or a host name that resolves to it (Settings → Active mode, or --active-address); or use passive mode.',

  // Notes on queue items: main sends their ids and values (TransferItem.noteText, shared/notes.ts) beside the English
  // (TransferItem.note); the window says them in its language (renderer/lib/localize-note.ts). A {line} comes quoted
  // (JSON); a {path} stands bare, as names do in every text (docs/i18n.md), a {name} too unless bare it would be
  // misread (shared/shown-name.ts).
  'note.policy-skip': 'The target exists; skipped as the overwrite policy says.',
  'note.chosen-skip': 'The target exists; skipped as you chose.',
  'note.not-newer': 'The target exists and the source is not newer.',
  'note.same-size': 'The target exists with the same size.',
  'note.same-size-not-newer': 'The target exists with the same size and the source is not newer.',
  'note.complete': 'The target is already complete (same size as the source).',
  'note.larger': 'The target is larger than the source, so it is not a partial copy of it; not resumed.',
  'note.waiting-answer': 'The target exists: waiting for your answer.',
  'note.retrying': 'Try {attempt} of {max} failed; trying again in {delay} s.',
  'note.connect-retrying': 'Could not connect (try {attempt} of {max}); trying again in {delay} s.',
  'note.gave-up': 'Gave up after {attempts} tries.',
  // Failed untried: another transfer of the site had just failed for its transfer mode (transfers/mode-failure.ts).
  'note.not-tried-active': 'Not tried: another transfer to this server has just failed in active mode; this one would fail the same way.',
  'note.not-tried-passive': 'Not tried: another transfer to this server has just failed in passive mode; this one would fail the same way.',
  'note.not-tried-disk-full': 'Not tried: another download onto the same disk has just failed because the disk is full. Free some space there, then retry the failed transfers.',
  'note.not-tried-server-full': 'Not tried: another upload to this server has just failed because the server is out of space. Free space there (or ask its admin), then retry.',
  // Four sentences, not one: English says "1 file" (see folderQueuedNote); a language without plurals repeats one form.
  'note.folder-queued': 'Folder: {files} files and {folders} folders queued.',
  'note.folder-queued-file': 'Folder: 1 file and {folders} folders queued.',
  'note.folder-queued-folder': 'Folder: {files} files and 1 folder queued.',
  'note.folder-queued-one-each': 'Folder: 1 file and 1 folder queued.',
  'note.verified': 'Verified: size and checksum match.',
  'note.checking': 'All in; checking the checksum (the server reads the whole file first)…',
  'note.no-mfmt': 'The server cannot set file times (no MFMT): its copy has the upload time.',
  'note.mfmt-refused': "The server refused to set the file's time: {detail}",
  'note.remote-changed': '{path} changed on the server since its partial download began, so it was downloaded again from the start (continuing would have joined two versions).',
  'note.changed-during-download': '{path} changed on the server while it was being downloaded, so it was downloaded again from the start (the first copy mixed two versions).',
  'note.local-changed': '{path} changed on this computer since its partial upload began, so it was uploaded again from the start (continuing would have joined two versions).',
  'note.copy-restarted': 'The servers could not continue the copy of {path} where it stopped (REST on both is needed), so it was copied again from the start.',
  'note.copy-source-changed': '{path} changed on the source server since its copy began, so it was copied again from the start.',
  'note.rest-ignored-upload': 'The server ignored the resume position (REST) and wrote {path} from its start, so it was uploaded again whole.',
  'note.no-free-name': 'No free name like "{name}" was found next to the target.',
  // A name that is a file on one side and a folder on the other (transfers/name-clash.ts), either direction.
  'name-clash.file-here': '{local} is a file on this computer, but {remote} is a folder on the server, so it was not copied.',
  'name-clash.folder-here': '{local} is a folder on this computer, but {remote} is a file on the server, so it was not copied.',
  'name-clash.hint': 'Rename one of them, then try again.',
  'name-clash.mirror.hint': "Rename one of them, or run the mirror with --delete to replace the target's with the source's.",
  'note.target-link': 'Skipped {path}: it is a symbolic link, and Ferry does not write through links (it could point outside the target folder).',
  'note.target-folder': 'Skipped {path}: a folder or special file has this name; move it away and retry.',
  'note.skip-list': 'Skipped {path}: it matches "{pattern}" in the skip list (Settings → Skip list).',
  'note.local-link': 'Skipped {path}: it is a symbolic link; links are not followed.',
  'note.local-special': 'Skipped {path}: it is not a regular file or folder.',
  'note.interrupted-part': "Skipped {path}: it is an interrupted download's partial file, not uploaded. Finish that download (it continues this file) or delete the file.",
  'note.not-regular': 'Skipped {path}: not a regular file.',
  'note.remote-link': 'Skipped {path}: it is a symbolic link; links are not followed (they can point anywhere, including outside the folder).',
  'note.remote-link-to': 'Skipped {path}: it is a symbolic link to {target}; links are not followed (they can point anywhere, including outside the folder).',
  'note.remote-special': 'Skipped {path}: it is a special file (not a file or folder).',
  'note.unreadable-line': 'A line of the listing of {path} could not be read and was left out: {line}',
  'note.folder-link': 'Skipped {path}: it is a symbolic link, and Ferry does not write through links.',
  'note.folder-blocked': 'Skipped {path}: {blocker} exists and is not a folder.',
  'note.outside-root': 'Refused {path}: it is not inside {root}.',
  'note.resolves-outside': 'Refused {path}: it resolves to a place outside {root}.',
  // View/Edit of a remote name that may not become a local file name ({name}: shownName); one sentence per reason.
  'edit.unsafe-name.empty': 'Cannot edit the remote name {name}: it is empty.',
  'edit.unsafe-name.dot-name': 'Cannot edit the remote name {name}: it names the folder itself or its parent.',
  'edit.unsafe-name.separator': 'Cannot edit the remote name {name}: it contains a path separator.',
  'edit.unsafe-name.drive-letter': 'Cannot edit the remote name {name}: it starts with a drive letter.',
  'edit.unsafe-name.control-character': 'Cannot edit the remote name {name}: it contains control characters.',
  'edit.unsafe-name.windows-reserved': 'Cannot edit the remote name {name}: it is a device name reserved on Windows.',
  'edit.unsafe-name.windows-character': 'Cannot edit the remote name {name}: it contains a character Windows does not allow in names (< > : " | ? *).',
  'edit.unsafe-name.trailing-dot-or-space': 'Cannot edit the remote name {name}: it ends with a dot or space, which Windows drops.',
  'edit.unsafe-name.too-long': 'Cannot edit the remote name {name}: it is longer than 255 bytes.',
  'edit.unsafe-name.hint': 'Rename the file on the server, then open it again.',
  // A name from the server that may not become a local file name ({name}: shownName); one sentence per reason.
  'note.unsafe-name.empty': 'Skipped the remote name {name}: it is empty.',
  'note.unsafe-name.dot-name': 'Skipped the remote name {name}: it names the folder itself or its parent.',
  'note.unsafe-name.separator': 'Skipped the remote name {name}: it contains a path separator.',
  'note.unsafe-name.drive-letter': 'Skipped the remote name {name}: it starts with a drive letter.',
  'note.unsafe-name.control-character': 'Skipped the remote name {name}: it contains control characters.',
  'note.unsafe-name.windows-reserved': 'Skipped the remote name {name}: it is a device name reserved on Windows.',
  'note.unsafe-name.windows-character': 'Skipped the remote name {name}: it contains a character Windows does not allow in names (< > : " | ? *).',
  'note.unsafe-name.trailing-dot-or-space': 'Skipped the remote name {name}: it ends with a dot or space, which Windows drops.',
  'note.unsafe-name.too-long': 'Skipped the remote name {name}: it is longer than 255 bytes.',

  // Ferry's own files (settings.json, sites.json, secrets.json) found damaged: what was kept and where the original went.
  // {problems}: the problems found, each a sentence below (or the parser's own words), joined by text.list-separator.
  'store.settings.salvaged': 'Part of the settings could not be read ({problems}). The readable part was kept; the original file was moved to {aside}.',
  'store.sites.salvaged': 'Part of the site list could not be read ({problems}). The readable part was kept; the original file was moved to {aside}.',
  'store.secrets.salvaged': 'Part of the saved secrets could not be read ({problems}). The readable part was kept; the original file was moved to {aside}.',
  'store.settings.invalid': 'The settings file could not be read ({problem}) and was moved to {aside}; Ferry starts with the default settings. Nothing was deleted: the old file is still there.',
  'store.sites.invalid': 'The site list file could not be read ({problem}) and was moved to {aside}; Ferry starts with an empty site list. Nothing was deleted: the old file is still there.',
  'store.secrets.invalid': 'The saved secrets file could not be read ({problem}) and was moved to {aside}; Ferry starts without them. Nothing was deleted: the old file is still there.',
  // {detail}: why, a sentence (local.*: the system's refusal in words).
  'store.settings.unreadable': 'Cannot read the settings file {file}: {detail}',
  'store.sites.unreadable': 'Cannot read the site list file {file}: {detail}',
  'store.secrets.unreadable': 'Cannot read the saved secrets file {file}: {detail}',
  'store.unreadable.hint': 'Check the permissions of the Ferry folder.',
  // The lock file that keeps two Ferry processes from writing one of these files at once (sites/file-lock.ts).
  'lock.uncreatable': 'Cannot create the lock file {file}: {detail}',
  'lock.uncreatable.hint': 'Check that the Ferry folder exists and is writable.',
  'lock.held': 'Another Ferry process has held {file} for over {seconds} s.',
  'lock.held.hint': 'Wait for it to finish, or delete the lock file if no Ferry is running.',
  'store.settings.newer': 'The settings file {file} was written by a newer Ferry (format {format}).',
  'store.sites.newer': 'The site list file {file} was written by a newer Ferry (format {format}).',
  'store.secrets.newer': 'The saved secrets file {file} was written by a newer Ferry (format {format}).',
  'store.newer.hint': 'Update Ferry; this version leaves the file untouched.',
  'store.setting-reset': '{key} ({problem}) was reset to its default, {value}',
  // {problem} of store.setting-reset where Ferry's own check refused the value (not the validator's words, quoted).
  'store.setting-not-address': 'not an IP address or host name',
  'store.editor-too-long': 'it is longer than {max} characters',
  'store.editor-unclosed-quote': 'it has an unclosed quote',
  'store.editor-no-program': 'it names no program',
  'store.site-named': 'site "{name}"',
  'store.site-number': 'site #{number}',
  'store.bad-site': '{site}: {problem}',
  'store.duplicate-id': '{site}: duplicate id {id}',
  'store.not-json': 'not valid JSON: {detail}',
  'store.unknown-format': 'unknown format {format}',
  'store.password-not-saved': 'The password for "{site}" was not saved: {reason} Ferry will ask for it when connecting; to keep passwords here, set a master password (Settings → Passwords).',
  // Importing FileZilla's sitemanager.xml: sites left out, and what changed on the way. {site}: Folder/Name.
  'import.not-ftp': '{protocol} is not FTP or FTPS; Ferry only speaks FTP and FTPS.',
  'import.unknown-protocol': 'Unknown protocol number {code}.',
  'import.no-host': 'No host.',
  'import.key-file': 'Key file logon is for SFTP; Ferry only speaks FTP and FTPS.',
  'import.unknown-logon': 'Unknown logon type {code}.',
  'import.interactive': '"Interactive" logon became "Ask for password".',
  'import.account': '"Account" logon became "Normal": Ferry does not send ACCT, so the account was dropped.',
  'import.unknown-mode': 'Unknown transfer mode {mode}; using the default.',
  'import.password-master': "The password is protected by FileZilla's master password and was not imported; enter it in Ferry.",
  'import.password-unknown': 'The password is stored in an unknown form ({encoding}) and was not imported.',
  'import.unknown-charset': 'Charset "{name}" is not known to Ferry; using auto (UTF-8).',
  'import.connection-limit': "Connection limit {value} lowered to {max}, Ferry's maximum.",
  'import.remote-dir': 'Remote folder "{path}" is not in FileZilla\'s path format; kept as written.',
  'import.site-warning': '{site}: {warning}',
  'import.passwords-dropped': '{count} password(s) were not imported: {reason} Ferry will ask for them when connecting.',
  'import.renamed': '{site} already exists; imported as "{name}".',
  'import.export-no-passwords': '{count} site(s) came without a password (a Ferry export holds none): enter them in the Site Manager, or when connecting.',
  // Importing FlashFXP's Sites.dat (docs/sites.md "FlashFXP import").
  'import.flashfxp-no-ip': 'No IP= line: not a FlashFXP site.',
  'import.flashfxp-group': 'Its FlashFXP group could not be read as a folder (FlashFXP does not document how it writes groups); imported at the top level as "{name}".',
  'import.flashfxp-password': 'The password is not in the form Ferry can read and was not imported: enter it in the Site Manager, or when connecting.',
  'import.flashfxp-defaults': "{count} site(s) from FlashFXP: only the name, host, port, user and password were read. Start folders, transfer mode (passive/active), TLS, charset and notes are left at Ferry's defaults (Default mode; protocol \"FTP – use explicit FTP over TLS if available\"; auto charset): check them in the Site Manager.",
  'import.flashfxp-encoding': 'The file does not say its encoding; it was read as {encoding}. If names look wrong, import it again choosing the encoding (Site Manager: the encoding list beside Export…; ferry sites import --encoding).',
  // Importing a transfer queue (the queue's Import queue…): the file refused whole, or one item left out.
  'queue-import.too-large': 'The file is larger than 32 MiB.',
  'queue-import.choose.hint': "Choose a file made by the queue's Export… (ferry-queue.json) or FileZilla's queue export (FileZilla: File > Export…, with the transfer queue ticked).",
  'queue-import.unknown-file': 'This file is not a transfer queue export: neither Ferry\'s (JSON with "kind": "ferry-queue") nor FileZilla\'s (<FileZilla3><Queue>).',
  'queue-import.not-json': 'The file is not valid JSON ({detail}).',
  'queue-import.not-xml': 'The file is not valid XML (line {line}: {detail}).',
  'queue-import.not-filezilla-queue': 'This XML file is not a FileZilla queue export (no <FileZilla3><Queue>).',
  'queue-import.newer-format': 'This queue export is format {format}, made by a newer Ferry; this Ferry reads format 1.',
  'queue-import.newer-format.hint': 'Update Ferry on this computer, then import the file again.',
  'queue-import.bad-item': 'Item {where} of the queue export is damaged: {detail}.',
  'queue-import.damaged.hint': 'Export the queue again; a file edited by hand must keep each item\'s direction, site, paths and size.',
  'queue-import.not-ftp': 'It is on a {protocol} server; Ferry speaks FTP and FTPS only.',
  'queue-import.unknown-protocol': "It uses FileZilla's protocol number {code}, which Ferry does not know.",
  'queue-import.filezilla-folder': "It is FileZilla's item for making an empty folder; Ferry's queue moves files and whole folders, not empty folders alone.",
  'queue-import.filezilla-path': 'Its remote folder "{path}" is not in FileZilla\'s path format.',
  'queue-import.item.hint': 'Transfer it from the file panes instead (an empty folder: New folder).',
  'queue-import.no-site': 'There is no saved site here for {site} ({server}).',
  'queue-import.no-site.hint': 'Add a site for {server} in the Site Manager (or import your sites there), then import the queue again.',
  'queue-import.bad-local': 'Its local path "{path}" is not a full path on this computer.',
  'queue-import.bad-local.hint': "Queue it again from the local pane here: a queue from another system holds that system's paths.",
  'queue-import.bad-remote': 'Its remote path "{path}" is not a full path on the server (starting with /, without .. or line breaks).',
  'queue-import.bad-remote.hint': 'Queue it again from the remote pane.',
  'queue-import.missing-local': 'The file to upload, "{path}", is not on this computer.',
  'queue-import.missing-local.hint': 'Copy the file to that path first, or queue the upload again from the local pane.',
  // A value said as it came (a parser's own words) where a list of sentences is expected; and how lists are joined.
  'text.as-is': '{text}',
  'text.list-separator': '; ',
  // A list of names or values (files, sites, fingerprints) inside a sentence: nameList(), each item text.name.
  'text.name': '{name}',
  'text.name-separator': ', ',
  'text.message-hint': '{message} {hint}',

  // Cancelled by the user.
  'aborted.transfer': 'The transfer of {path} was cancelled.',
  'aborted.before-start': 'Cancelled before it started.',
  'aborted.data': 'The data connection was cancelled.',
  'aborted.operation': 'Cancelled: the connection to the server was closed to stop what it was doing.',
  'aborted.operation.hint': 'Ferry connects again at your next action (F5 lists the folder again).',
  'aborted.connect': 'Connecting was cancelled.',
  'copy.cancelled': 'The copy to {site} was stopped; {count} file(s) had been copied.',
  'copy.cancelled-during': 'The copy to {site} was stopped while {path} was being copied there; {count} file(s) had been copied before it.',
  'copy.cancelled-during.hint': 'Part of {path} may be left on {site}: delete it there, or copy it again (Ferry asks before replacing it).',

  // Synchronize folders… (the window; shared/synchronize.ts).
  'synchronize.cancelled': 'Cancelled: comparing the folders was stopped.',
  'synchronize.cancelled.hint': 'Nothing was changed. Choose Preview to compare them again.',
  'synchronize.plan-gone': 'This preview is no longer current: it was carried out already, or another preview replaced it.',
  'synchronize.plan-gone.hint': 'Choose Preview again, check the list, then Synchronize.',
  'synchronize.target-link': '{path} is a symbolic link: the file of that name is not copied onto it (it would be written wherever the link points).',
  'synchronize.target-link.hint': 'Delete or rename the link, then choose Preview again.',
  'synchronize.local-not-full': 'The local folder {path} is not a full path.',
  'synchronize.local-not-full.hint': 'Open a folder in the local pane, then choose Synchronize folders… again.',
  // A folder's transfer (the queue's expansion: ferry mirror, the window's folder transfers) onto a link of the target.
  'transfer.target-link': '{path} is a symbolic link: the file of that name is not copied onto it (it would be written wherever the link points, possibly outside the folder).',
  'transfer.target-link.hint': 'Delete or rename the link, then copy the folder again.',
} as const;

export type ErrorTextId = keyof typeof ERROR_TEXTS_EN;
export type ErrorTextValues = Readonly<Record<string, string | number>>;

/**
 * A sentence of the table with its values, where a value may itself be Ferry's own words — a sentence, or a list
 * of sentences (`valueTexts`) — so that it too is said in the window's language (e.g. "timeoutSeconds (…) was reset
 * to its default, 30" inside "Part of the settings could not be read (…)").
 */
export interface TextRef {
  readonly id: ErrorTextId;
  readonly values: ErrorTextValues;
  readonly valueTexts?: ValueTexts;
}
export type ValueTexts = Readonly<Record<string, TextRef | readonly TextRef[]>>;

/** Which fixed sentences an error's message and hint are, with their values (see ERROR_TEXTS_EN). */
export interface ErrorText {
  readonly message?: ErrorTextId;
  readonly hint?: ErrorTextId;
  readonly values: ErrorTextValues;
  /** Values that are sentences themselves, said from the same table (see TextRef). */
  readonly valueTexts?: ValueTexts;
}

/**
 * Fill a sentence's {placeholders}; a placeholder without a value stays as written. Every value is shown as
 * `shownValue` says (server-words.ts): a server's words ({reply}, {text}, {banner}, {answer}) on one line, cut, with
 * nothing acting; any other value with its control characters and direction marks escaped — so no value can break,
 * turn or (in a terminal) run the sentence. Main's English, the CLI and the window's other languages all fill here.
 * `othersWords`: every value is another program's words (`OTHERS_WORDS_TEXTS`), shown as a server's.
 */
export function fillErrorText(template: string, values: ErrorTextValues, othersWords = false): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? shownValue(name, String(values[name]), othersWords) : whole));
}

/**
 * `values` with each of `valueTexts` said from `table` (a list joined by the table's separator). A sentence the table
 * does not know (a queue file or profile written by another Ferry) leaves the value as `values` has it: main's English.
 */
export function resolveValues(table: Readonly<Record<ErrorTextId, string>>, values: ErrorTextValues, valueTexts: ValueTexts | undefined): ErrorTextValues {
  if (!valueTexts) return values;
  const said: Record<string, string | number> = { ...values };
  for (const [name, ref] of Object.entries(valueTexts)) {
    const parts = isTextList(ref) ? ref.map((item) => trySay(table, item)) : [trySay(table, ref)];
    const separator = isTextList(ref) && ref.length > 0 && ref.every((item) => item.id === 'text.name') ? table['text.name-separator'] : table['text.list-separator'];
    if (parts.every((part): part is string => part !== null)) said[name] = parts.join(separator);
  }
  return said;
}

function isTextList(ref: TextRef | readonly TextRef[]): ref is readonly TextRef[] {
  return Array.isArray(ref);
}

function trySay(table: Readonly<Record<ErrorTextId, string>>, ref: TextRef): string | null {
  const template: string | undefined = typeof ref === 'object' && ref !== null ? table[ref.id] : undefined;
  return template === undefined ? null : fillErrorText(template, resolveValues(table, ref.values ?? {}, ref.valueTexts), OTHERS_WORDS_TEXTS.has(ref.id));
}

/** A TextRef said from `table` (ERROR_TEXTS_EN in main, the window's table in the renderer); empty for an unknown one. */
export function sayText(table: Readonly<Record<ErrorTextId, string>>, ref: TextRef): string {
  return trySay(table, ref) ?? '';
}

/** The English sentence `id` with `values` (and sentences as values): how main builds `message` and `hint`. */
export function errorText(id: ErrorTextId, values: ErrorTextValues, valueTexts?: ValueTexts): string {
  return fillErrorText(ERROR_TEXTS_EN[id], resolveValues(ERROR_TEXTS_EN, values, valueTexts));
}

/** A TextRef in English (main's own words for the log file and the CLI). */
export function englishText(ref: TextRef): string {
  return sayText(ERROR_TEXTS_EN, ref);
}

/**
 * Names or values listed inside a sentence ("a.txt, b.txt, …"), as `valueTexts`: each said as it is, joined by the
 * table's `text.name-separator` (", " in English, the enumeration comma 、 in Chinese) rather than by the sentences'
 * `text.list-separator`.
 */
export function nameList(names: readonly string[]): TextRef[] {
  return names.map((name) => ({ id: 'text.name', values: { name } }));
}

/** Words that are no sentence of the table (a parser's own), where a TextRef is expected: said as they are. */
export function asIs(text: string): TextRef {
  return { id: 'text.as-is', values: { text } };
}

/** Someone else's words (a validator's, a parser's) inside Ferry's sentence: as they are in English, quoted in Chinese. */
export function quoted(detail: string): TextRef {
  return { id: 'detail.quoted', values: { detail } };
}

/** `message`, `hint` (empty without one) and `text` of an error made of fixed sentences. */
export function sentences(message: ErrorTextId, hint: ErrorTextId | null, values: ErrorTextValues = {}, valueTexts?: ValueTexts): { message: string; hint: string; text: ErrorText } {
  const more = valueTexts ? { valueTexts } : {};
  return { message: errorText(message, values, valueTexts), hint: hint ? errorText(hint, values, valueTexts) : '', text: hint ? { message, hint, values, ...more } : { message, values, ...more } };
}

/** The placeholders a sentence uses, sorted (for checking that a translation uses the same). */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''))].sort();
}

// Writes the certificates the tls/ rule cases use (test-fixtures/certs/*.crt). Run once;
// the output is committed. Rule cases run with the clock at 2026-11-28T00:00:00Z.
import selfsigned from 'selfsigned';
import { writeFileSync } from 'node:fs';

const certs = {
  'shop-valid': { hosts: ['shop.example.com', '*.shop.example.com'], from: '2026-01-01', to: '2028-01-01' },
  'shop-expired': { hosts: ['shop.example.com'], from: '2025-01-01', to: '2026-10-01' },
  'shop-expiring': { hosts: ['shop.example.com'], from: '2026-06-01', to: '2026-12-05' },
  'shop-future': { hosts: ['shop.example.com'], from: '2027-01-01', to: '2028-01-01' },
};
for (const [name, c] of Object.entries(certs)) {
  const pems = await selfsigned.generate([{ name: 'commonName', value: c.hosts[0] }], {
    keyType: 'ec', algorithm: 'sha256',
    notBeforeDate: new Date(`${c.from}T00:00:00Z`), notAfterDate: new Date(`${c.to}T00:00:00Z`),
    extensions: [{ name: 'subjectAltName', altNames: c.hosts.map((value) => ({ type: 2, value })) }],
  });
  writeFileSync(new URL(`../test-fixtures/certs/${name}.crt`, import.meta.url), pems.cert);
}

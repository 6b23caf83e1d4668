// A throw-away CA and a serving certificate for 127.0.0.1/localhost, made once per process
// (EC keys: fast). The kubeconfig carries the CA as certificate-authority-data, as a real one does.
import selfsigned from 'selfsigned';

export interface ServingCert {
  caPem: string;
  certPem: string;
  keyPem: string;
}

let cached: Promise<ServingCert> | undefined;

export function servingCert(): Promise<ServingCert> {
  cached ??= (async () => {
    const ca = await selfsigned.generate([{ name: 'commonName', value: 'ingress-lab test CA' }], {
      keyType: 'ec', algorithm: 'sha256',
      extensions: [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }],
    });
    const leaf = await selfsigned.generate([{ name: 'commonName', value: 'kube-apiserver' }], {
      keyType: 'ec', algorithm: 'sha256',
      ca: { key: ca.private, cert: ca.cert },
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
      ],
    });
    return { caPem: ca.cert, certPem: leaf.cert, keyPem: leaf.private };
  })();
  return cached;
}

import 'server-only';
import QRCode from 'qrcode';

/** A survey link as an SVG QR code (medium error correction: still reads when a printed sticker is scuffed). */
export function surveyQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, {
    type: 'svg',
    margin: 2,
    errorCorrectionLevel: 'M',
    color: { dark: '#000000', light: '#ffffff' },
  });
}

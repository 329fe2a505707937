import { useMemo } from 'react';
import { View } from '@tarojs/components';
import { qrMatrix, toRuns } from './matrix';

interface Props {
  text: string;
  /** Side length in px. */
  size?: number;
}

/** A QR code drawn with views (works in the mini-program, H5 and tests alike). */
export function QrCode({ text, size = 200 }: Props) {
  const rows = useMemo(() => qrMatrix(text), [text]);
  const cell = size / rows.length;
  return (
    <View
      className="qr-code"
      style={{ width: `${size}px`, padding: `${cell * 2}px`, background: '#fff' }}
      data-testid="qr-code"
      data-text={text}
    >
      {rows.map((row, r) => (
        <View key={r} style={{ display: 'flex', height: `${cell}px` }}>
          {toRuns(row).map((run, i) => (
            <View
              key={i}
              style={{
                width: `${run.length * cell}px`,
                height: `${cell}px`,
                background: run.dark ? '#000' : '#fff',
              }}
            />
          ))}
        </View>
      ))}
    </View>
  );
}

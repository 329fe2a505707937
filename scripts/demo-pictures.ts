/**
 * The demo community's own pictures, drawn here as SVG (nothing is fetched from elsewhere):
 * photos of the four donated goods, covers of the demo events and avatars of three volunteers.
 * `scripts/make-pictures.ts` renders them to small JPEGs in server/seed-pictures/, which the seed
 * copies into the local uploads folder. Flat shapes, no text: they need no font.
 */

export interface DemoPicture {
  /** The file under server/seed-pictures/ and the uploads folder it is copied to. */
  folder: 'goods' | 'events' | 'avatars';
  name: string;
  width: number;
  height: number;
  svg: string;
}

const goods = (name: string, background: string, body: string): DemoPicture => ({
  folder: 'goods',
  name,
  width: 480,
  height: 360,
  svg: `<rect width="480" height="360" fill="${background}"/>
    <ellipse cx="240" cy="318" rx="170" ry="18" fill="#000" opacity="0.08"/>${body}`,
});

const cover = (name: string, sky: string, body: string): DemoPicture => ({
  folder: 'events',
  name,
  width: 750,
  height: 360,
  svg: `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="#fff7ec"/></linearGradient></defs>
    <rect width="750" height="360" fill="url(#sky)"/>${body}`,
});

const avatar = (name: string, background: string, hair: string, shirt: string, extra = ''): DemoPicture => ({
  folder: 'avatars',
  name,
  width: 160,
  height: 160,
  svg: `<rect width="160" height="160" fill="${background}"/>
    <path d="M28 160 C30 122 56 108 80 108 C104 108 130 122 132 160 Z" fill="${shirt}"/>
    <rect x="70" y="92" width="20" height="22" rx="8" fill="#f2c7a5"/>
    <circle cx="80" cy="70" r="30" fill="#f6d2b4"/>
    <path d="${hair}" fill="#2b2522"/>
    <circle cx="70" cy="72" r="3.2" fill="#2b2522"/><circle cx="90" cy="72" r="3.2" fill="#2b2522"/>
    <path d="M71 84 Q80 91 89 84" stroke="#b5544a" stroke-width="3" fill="none" stroke-linecap="round"/>${extra}`,
});

export const DEMO_PICTURES: DemoPicture[] = [
  goods(
    'eggs',
    '#fff4e0',
    `<path d="M70 200 L410 200 L385 300 L95 300 Z" fill="#c9a27a"/>
     <path d="M70 200 L410 200 L400 226 L80 226 Z" fill="#b48a62"/>
     ${[110, 180, 250, 320]
       .map(
         (x, i) =>
           `<ellipse cx="${x + 25}" cy="${170 - (i % 2) * 10}" rx="34" ry="44" fill="${i % 2 ? '#fbe9d7' : '#f3d2b0'}"/>
            <ellipse cx="${x + 14}" cy="${152 - (i % 2) * 10}" rx="8" ry="12" fill="#fff" opacity="0.6"/>`,
       )
       .join('')}
     <path d="M120 250 H360" stroke="#a57b55" stroke-width="6" stroke-linecap="round"/>`,
  ),
  goods(
    'haircut',
    '#e8f3fb',
    `<rect x="330" y="60" width="56" height="230" rx="28" fill="#fff" stroke="#c8161d" stroke-width="6"/>
     ${[0, 1, 2, 3, 4]
       .map(
         (i) =>
           `<path d="M334 ${92 + i * 42} L382 ${70 + i * 42} L382 ${88 + i * 42} L334 ${110 + i * 42} Z" fill="${i % 2 ? '#2f6fb5' : '#c8161d'}"/>`,
       )
       .join('')}
     <circle cx="130" cy="250" r="34" fill="none" stroke="#42526e" stroke-width="12"/>
     <circle cx="220" cy="250" r="34" fill="none" stroke="#42526e" stroke-width="12"/>
     <path d="M150 222 L270 80 M200 222 L90 80" stroke="#8a96a8" stroke-width="16" stroke-linecap="round"/>
     <circle cx="175" cy="190" r="9" fill="#42526e"/>
     <rect x="60" y="300" width="220" height="18" rx="6" fill="#f0b35a"/>
     ${Array.from({ length: 10 }, (_, i) => `<rect x="${68 + i * 21}" y="284" width="8" height="18" fill="#f0b35a"/>`).join('')}`,
  ),
  goods(
    'detergent',
    '#e6f6f2',
    `<path d="M170 110 H300 Q330 110 330 140 V290 Q330 310 310 310 H160 Q140 310 140 290 V140 Q140 110 170 110 Z" fill="#2e8fd8"/>
     <rect x="200" y="70" width="70" height="44" rx="8" fill="#1c6db0"/>
     <path d="M270 80 Q320 80 320 120" stroke="#1c6db0" stroke-width="14" fill="none" stroke-linecap="round"/>
     <rect x="168" y="170" width="134" height="90" rx="14" fill="#fff"/>
     <circle cx="235" cy="215" r="26" fill="#7cc7f2"/>
     <circle cx="224" cy="206" r="8" fill="#fff" opacity="0.8"/>
     ${[
       [90, 120, 22],
       [70, 190, 14],
       [380, 150, 26],
       [400, 230, 14],
       [110, 260, 18],
     ]
       .map(
         ([x, y, r]) =>
           `<circle cx="${x}" cy="${y}" r="${r}" fill="#fff" stroke="#9ad3f0" stroke-width="4"/>`,
       )
       .join('')}`,
  ),
  goods(
    'rice',
    '#fbf3e2',
    `<path d="M130 130 Q240 100 350 130 L370 292 Q240 320 110 292 Z" fill="#efe3c8" stroke="#c9b48a" stroke-width="5"/>
     <path d="M140 120 Q240 80 340 120 Q300 150 240 142 Q180 150 140 120 Z" fill="#fffaf0" stroke="#c9b48a" stroke-width="5"/>
     <path d="M200 92 Q240 70 280 92" stroke="#b0433a" stroke-width="10" fill="none" stroke-linecap="round"/>
     <rect x="175" y="190" width="130" height="70" rx="10" fill="#c8161d"/>
     <path d="M200 240 Q240 200 280 240" stroke="#ffd56a" stroke-width="8" fill="none" stroke-linecap="round"/>
     <path d="M240 205 V245" stroke="#ffd56a" stroke-width="8" stroke-linecap="round"/>
     ${Array.from({ length: 14 }, (_, i) => `<ellipse cx="${80 + ((i * 53) % 330)}" cy="${305 + (i % 3) * 8}" rx="7" ry="4" fill="#fffaf0" stroke="#d8c59c" stroke-width="2"/>`).join('')}`,
  ),
  cover(
    'stairs',
    '#bfe3f5',
    `<circle cx="640" cy="80" r="42" fill="#ffd56a"/>
     <rect x="90" y="70" width="230" height="290" fill="#e9d8c4"/>
     <rect x="330" y="120" width="200" height="240" fill="#dcc7ae"/>
     ${[0, 1, 2, 3]
       .map((row) =>
         [0, 1, 2]
           .map(
             (col) =>
               `<rect x="${112 + col * 70}" y="${96 + row * 62}" width="44" height="38" rx="4" fill="#8fb7d6"/>`,
           )
           .join(''),
       )
       .join('')}
     ${[0, 1, 2]
       .map((row) =>
         [0, 1]
           .map(
             (col) =>
               `<rect x="${358 + col * 84}" y="${146 + row * 62}" width="52" height="38" rx="4" fill="#8fb7d6"/>`,
           )
           .join(''),
       )
       .join('')}
     <rect x="0" y="330" width="750" height="30" fill="#9dc77f"/>
     <path d="M600 330 L640 160" stroke="#8a5a33" stroke-width="10" stroke-linecap="round"/>
     <path d="M600 330 L570 340 L640 352 L640 330 Z" fill="#e8a33a"/>
     ${[
       [520, 320],
       [548, 328],
       [500, 334],
     ]
       .map(
         ([x, y]) =>
           `<ellipse cx="${x}" cy="${y}" rx="14" ry="7" fill="#d98b3a" transform="rotate(-20 ${x} ${y})"/>`,
       )
       .join('')}`,
  ),
  cover(
    'dumplings',
    '#ffd9c7',
    `<ellipse cx="375" cy="270" rx="290" ry="60" fill="#fff" stroke="#e2c3a6" stroke-width="6"/>
     <ellipse cx="375" cy="262" rx="240" ry="40" fill="#f7efe6"/>
     ${[210, 300, 390, 480]
       .map(
         (x, i) =>
           `<path d="M${x - 48} ${252 - (i % 2) * 6} Q${x} ${168 - (i % 2) * 6} ${x + 48} ${252 - (i % 2) * 6} Z" fill="#fffdf8" stroke="#e6d2bb" stroke-width="4"/>
            <path d="M${x - 30} ${222 - (i % 2) * 6} q10 -12 20 0 q10 -12 20 0 q10 -12 20 0" stroke="#e6d2bb" stroke-width="3" fill="none"/>`,
       )
       .join('')}
     ${[260, 375, 490].map((x) => `<path d="M${x} 150 q-16 -22 0 -44 q16 -22 0 -44" stroke="#fff" stroke-width="8" fill="none" stroke-linecap="round" opacity="0.8"/>`).join('')}
     <path d="M90 60 C90 40 120 40 120 60 C120 40 150 40 150 60 C150 84 120 98 120 110 C120 98 90 84 90 60 Z" fill="#c8161d"/>
     <path d="M630 70 l10 22 24 3 -18 16 5 24 -21 -12 -21 12 5 -24 -18 -16 24 -3 Z" fill="#ffd56a"/>`,
  ),
  cover(
    'sorting',
    '#cdeccf',
    `<rect x="0" y="320" width="750" height="40" fill="#a7cf8e"/>
     ${[
       ['#2e7d32', 120],
       ['#1565c0', 270],
       ['#c62828', 420],
       ['#616161', 570],
     ]
       .map(
         ([color, x]) =>
           `<rect x="${x}" y="150" width="110" height="170" rx="12" fill="${color}"/>
            <rect x="${Number(x) - 8}" y="130" width="126" height="26" rx="8" fill="${color}" opacity="0.85"/>
            <rect x="${Number(x) + 40}" y="118" width="30" height="14" rx="6" fill="${color}" opacity="0.85"/>
            <circle cx="${Number(x) + 55}" cy="230" r="30" fill="#fff" opacity="0.9"/>`,
       )
       .join('')}
     <path d="M160 230 l15 -22 15 22 Z M325 214 v32 M310 230 h30" stroke="#2e7d32" stroke-width="6" fill="none"/>
     <path d="M460 214 l30 32 M490 214 l-30 32" stroke="#c62828" stroke-width="6"/>
     <circle cx="625" cy="230" r="12" fill="none" stroke="#616161" stroke-width="6"/>
     <path d="M60 60 q40 -30 80 0 q40 -30 80 0" stroke="#fff" stroke-width="10" fill="none" stroke-linecap="round"/>`,
  ),
  avatar('li', '#dbeafe', 'M50 66 C50 36 110 36 110 66 C104 52 92 46 80 46 C66 46 56 52 50 66 Z', '#2f6fb5'),
  avatar(
    'zhao',
    '#fde2e4',
    'M48 74 C44 34 116 34 112 74 C112 100 106 112 104 118 L104 70 C96 56 64 56 56 70 L56 118 C54 112 48 100 48 74 Z',
    '#c8161d',
  ),
  avatar(
    'chen',
    '#e3f2e1',
    'M52 60 C56 40 104 40 108 60 C100 52 60 52 52 60 Z',
    '#3d6b3a',
    '<path d="M60 64 H100" stroke="#444" stroke-width="3"/><circle cx="70" cy="72" r="9" fill="none" stroke="#444" stroke-width="3"/><circle cx="90" cy="72" r="9" fill="none" stroke="#444" stroke-width="3"/>',
  ),
];

/** A picture's file in server/seed-pictures/ (the seed names it the same way: server/seed-pictures.ts). */
export const pictureFile = (p: Pick<DemoPicture, 'folder' | 'name'>) => `${p.folder}-${p.name}.jpg`;

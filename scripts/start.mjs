// `npm start`: build the H5 app once if it is missing, then run the local cloud that serves it.
import { existsSync } from 'node:fs';
import { spawnSync, spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (!existsSync('dist/h5/index.html') || process.argv.includes('--rebuild')) {
  console.log('正在构建 H5（首次约需半分钟）…');
  const built = spawnSync(npm, ['run', 'build:h5'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const server = spawn(npm, ['run', 'serve'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

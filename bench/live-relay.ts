// The floor: a bare socket.io relay with no checks and no storage. `relay:join` joins a room;
// `relay:cmd` is acked and broadcast to the room, the least any live board has to do.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.argv[2]);
const http = createServer();
const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => {
  socket.on('relay:join', (room: string, ack: (ok: boolean) => void) => {
    void socket.join(room);
    ack(true);
  });
  socket.on(
    'relay:cmd',
    (payload: { room: string; opId: string; body: unknown }, ack: (reply: { ok: boolean }) => void) => {
      io.to(payload.room).emit('relay:event', { opId: payload.opId, body: payload.body });
      ack({ ok: true });
    },
  );
});
http.listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));

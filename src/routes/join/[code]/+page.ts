/**
 * One prerendered page serves every room: `npm start` answers any /join/<code> with this file
 * (build/join/room.html), and the page reads the real code from the address. Prerendering it
 * under the /join/[code] route lets the client router recognise every /join/<code> address.
 */
export const entries = () => [{ code: 'room' }];

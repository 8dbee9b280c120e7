import { contextBridge, ipcRenderer } from 'electron';
import { createPlatformApi } from './api';

// Named actions only: the page never holds ipcRenderer, so it cannot reach channels or
// listeners beyond the Platform interface.
contextBridge.exposeInMainWorld(
  'reviewDesk',
  createPlatformApi((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);

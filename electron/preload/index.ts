import { contextBridge, ipcRenderer } from 'electron';
import { createPlatformApi } from './api';
import { listenOn } from './events';

// Named actions only: the page never holds ipcRenderer, so it cannot reach channels or
// listeners beyond the Platform interface. listenOn keeps ipcRenderer inside the preload and
// hands the page's listeners no arguments.
contextBridge.exposeInMainWorld(
  'reviewDesk',
  createPlatformApi(
    (channel, ...args) => ipcRenderer.invoke(channel, ...args),
    listenOn(ipcRenderer),
  ),
);

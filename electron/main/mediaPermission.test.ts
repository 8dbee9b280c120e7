import { describe, expect, it } from 'vitest';
import { mediaPermissionDecision } from './mediaPermission';

const APP = 'app://review-desk/index.html';

describe('mediaPermissionDecision', () => {
  it('allows the camera, video only, for the app itself', () => {
    expect(
      mediaPermissionDecision({ permission: 'media', mediaTypes: ['video'], requestingUrl: APP }),
    ).toBe('allow');
    // Permission checks carry an origin and a single media type.
    expect(
      mediaPermissionDecision({
        permission: 'media',
        mediaType: 'video',
        requestingUrl: 'app://review-desk',
      }),
    ).toBe('allow');
  });

  it('denies the microphone, camera with microphone, and unknown media types', () => {
    for (const mediaTypes of [['audio'], ['video', 'audio'], [], ['unknown']]) {
      expect(mediaPermissionDecision({ permission: 'media', mediaTypes, requestingUrl: APP })).toBe(
        'deny',
      );
    }
    expect(mediaPermissionDecision({ permission: 'media', requestingUrl: APP })).toBe('deny');
    expect(
      mediaPermissionDecision({ permission: 'media', mediaType: 'audio', requestingUrl: APP }),
    ).toBe('deny');
  });

  it('denies every other permission, even from the app', () => {
    for (const permission of [
      'geolocation',
      'notifications',
      'display-capture',
      'clipboard-read',
      'fullscreen',
      'openExternal',
      'hid',
      'serial',
      'usb',
      'midi',
    ]) {
      expect(
        mediaPermissionDecision({ permission, mediaTypes: ['video'], requestingUrl: APP }),
      ).toBe('deny');
    }
  });

  it('denies the camera to any other origin, look-alikes included', () => {
    for (const requestingUrl of [
      'https://example.com/',
      'http://localhost:5173/',
      'file:///home/user/index.html',
      'app://review-desk.evil/index.html',
      'app://review-desk@evil/index.html',
      'app://user:pw@review-desk/index.html',
      'app://review-desk:8080/index.html',
      'blob:app://review-desk/1',
      'javascript:alert(1)',
      '',
      undefined,
    ]) {
      expect(
        mediaPermissionDecision({ permission: 'media', mediaTypes: ['video'], requestingUrl }),
      ).toBe('deny');
    }
  });
});

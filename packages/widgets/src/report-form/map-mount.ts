import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LocationMap, type LatLng, type LocationMapOptions } from './location-map.js';

/** What the map is built from, and the pin to show once it is. */
export interface MapInputs {
  options: LocationMapOptions;
  pin: LatLng | null;
}

/**
 * Keeps a `LocationMap` in the host's `.map` box: mounts it after the first
 * render that shows the box, mounts it again when its inputs change (tiles,
 * centre, zoom, the language of its controls: all live), and destroys it
 * when the box goes or the host leaves the page. Mounting waits for Leaflet
 * to load, so mounts and destructions run one after another.
 */
export class MapMount implements ReactiveController {
  readonly map = new LocationMap();
  #mounted = false;
  #key = '';
  #work: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment },
    private readonly inputs: () => MapInputs,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const box = this.host.renderRoot.querySelector<HTMLElement>('.map');
    if (box) {
      const { options } = this.inputs();
      const { onPin: _onPin, ...built } = options;
      const key = JSON.stringify(built);
      if (this.#mounted && this.#key === key) return;
      this.#mounted = true;
      this.#key = key;
      this.#work = this.#work
        .then(async () => {
          this.map.destroy();
          await this.map.mount(box, options);
          // The pin as it is now: the citizen may have set it while Leaflet loaded.
          this.map.setPin(this.inputs().pin);
        })
        .catch(() => undefined);
    } else if (this.#mounted) {
      this.#work = this.#work.then(() => this.map.destroy());
      this.#mounted = false;
    }
  }

  hostDisconnected(): void {
    this.map.destroy();
    this.#mounted = false;
  }
}

import type * as Leaflet from 'leaflet';

export interface LatLng {
  lat: number;
  lng: number;
}

export interface LocationMapOptions {
  /** Tile URL template, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`. Empty: no tiles. */
  tileUrl: string;
  attribution: string;
  center: LatLng;
  zoom: number;
  /** Called when the citizen drops or drags the pin. */
  onPin: (position: LatLng) => void;
  /** Accessible name of the pin. */
  pinLabel: string;
  /** The zoom buttons' names (Leaflet's are English). */
  zoomInTitle: string;
  zoomOutTitle: string;
}

/** The pin: an inline SVG, so it shows without any image request. */
const PIN_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="44" viewBox="0 0 32 44" aria-hidden="true"><path d="M16 0C7.2 0 0 7.2 0 16c0 12 16 28 16 28s16-16 16-28C32 7.2 24.8 0 16 0z" fill="#b3261e" stroke="#fff" stroke-width="2"/><circle cx="16" cy="16" r="6" fill="#fff"/></svg>';

/**
 * A Leaflet map inside a shadow root: tiles from the configured URL (the map
 * keeps working as a plain grid when they cannot load), a draggable pin set
 * by a click or a tap. Leaflet is loaded on first use, not with the widget.
 */
export class LocationMap {
  #map: Leaflet.Map | null = null;
  #marker: Leaflet.Marker | null = null;
  #L: typeof Leaflet | null = null;

  async mount(container: HTMLElement, options: LocationMapOptions): Promise<void> {
    const L = (this.#L = await import('leaflet/dist/leaflet-src.esm.js'));
    const map = L.map(container, { center: [options.center.lat, options.center.lng], zoom: options.zoom, keyboard: true, attributionControl: true, zoomControl: false });
    L.control.zoom({ zoomInTitle: options.zoomInTitle, zoomOutTitle: options.zoomOutTitle }).addTo(map);
    map.attributionControl.setPrefix(false);
    if (options.tileUrl) L.tileLayer(options.tileUrl, { attribution: options.attribution, maxZoom: 19 }).addTo(map);
    map.on('click', (event: Leaflet.LeafletMouseEvent) => {
      this.setPin(event.latlng);
      options.onPin({ lat: event.latlng.lat, lng: event.latlng.lng });
    });
    this.#map = map;
    this.#pinLabel = options.pinLabel;
    this.#onPin = options.onPin;
  }

  #pinLabel = '';
  #onPin: (position: LatLng) => void = () => undefined;

  /** The map's centre now (for "pin the map centre", the keyboard way). */
  center(): LatLng | null {
    const c = this.#map?.getCenter();
    return c ? { lat: c.lat, lng: c.lng } : null;
  }

  /** Moves (or places) the pin; null removes it. `fly` also centres the map on it. */
  setPin(position: LatLng | null, fly = false): void {
    const L = this.#L;
    const map = this.#map;
    if (!L || !map) return;
    if (!position) {
      this.#marker?.remove();
      this.#marker = null;
      return;
    }
    if (!this.#marker) {
      const icon = L.divIcon({ html: PIN_SVG, className: 'paht-pin', iconSize: [32, 44], iconAnchor: [16, 44] });
      this.#marker = L.marker([position.lat, position.lng], { icon, draggable: true, keyboard: false, title: this.#pinLabel, alt: this.#pinLabel }).addTo(map);
      this.#marker.on('dragend', () => {
        const p = this.#marker?.getLatLng();
        if (p) this.#onPin({ lat: p.lat, lng: p.lng });
      });
    } else {
      this.#marker.setLatLng([position.lat, position.lng]);
    }
    if (fly) map.setView([position.lat, position.lng], Math.max(map.getZoom(), 16));
  }

  /** After the container changed size (e.g. shown again). */
  resize(): void {
    this.#map?.invalidateSize();
  }

  destroy(): void {
    this.#map?.remove();
    this.#map = null;
    this.#marker = null;
  }
}

import { z } from 'zod';

// The page's Content-Security-Policy allows no eval. Zod would probe for it (`new Function`) to compile faster
// parsers, which the browser reports as a violation; the browsers' own parsing path is fast enough here.
z.config({ jitless: true });

// Eleventy 3 ships no TypeScript declarations; scripts/render/build-site.ts types the part it uses.
declare module "@11ty/eleventy";

// pdfkit 0.20 also takes a font fontkit has already opened (PDFFontFactory.open accepts any object
// with a layout function); @types/pdfkit 0.17 lists only paths and bytes. One opened font serves every
// document of a process, so its tables are parsed and its glyphs decoded once.
import type { Font } from "fontkit";

declare global {
  namespace PDFKit.Mixins {
    interface PDFFont {
      registerFont(name: string, src: Font, family?: string): this;
    }
  }
}

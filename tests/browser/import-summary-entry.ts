// Bundle for the import report test: the real render function, on window.
import { renderImportSummary, type ImportOutcome } from '../../src/ui/import-summary';

declare global {
	interface Window {
		renderImportSummary(outcome: ImportOutcome): void;
	}
}

window.renderImportSummary = (outcome) => renderImportSummary(document.getElementById('root') as HTMLElement, outcome);

import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** A page object: the app as a user sees it. */
export class AppPage {
  constructor(readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
    await expect(this.page.getByRole('main')).toBeVisible();
    await expect(this.node('driver:Beep').or(this.node('module:asyc'))).toBeVisible();
  }

  /** A graph node by its id (`kind:name`). */
  node(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  async select(id: string): Promise<void> {
    await this.node(id).click();
    await expect(this.page.getByRole('region', { name: 'Selected object' })).toContainText(
      id.slice(id.indexOf(':') + 1),
    );
  }

  selectedActions(): Locator {
    return this.page.getByRole('region', { name: 'Selected object' });
  }

  /** Performs an action offered for the selected object. */
  async act(label: string): Promise<void> {
    const button = this.selectedActions().getByRole('button', { name: label, exact: true });
    await expect(button).toBeEnabled();
    await button.click();
  }

  status(): Locator {
    return this.page.getByTestId('status');
  }

  checklist(): Locator {
    return this.page.getByTestId('checklist');
  }

  condition(id: string): Locator {
    return this.checklist().locator(`[data-condition="${id}"]`);
  }

  eventLog(): Locator {
    return this.page.getByTestId('event-log');
  }
}

/**
 * Primary email (To App mappings) and Application username format (Sign On) must draw on the same Okta
 * attribute: SCIM finds people by the one, single sign-on by the other, and when they differ Atlassian
 * ends up with two accounts for one person. Only a comparison of two plain attributes can prove a
 * mismatch; anything less certain is an `info` hint, never a problem.
 */
import { latest } from '../observations';
import { compareSources, describeSource, FORMAT_LABELS, primaryEmailSource, usernameSource } from './email-source';
import type { Check } from './types';

export const emailMismatch: Check = {
  id: 'email-mismatch',
  findings: ['email-mismatch', 'email-unchecked'],
  steps: [],
  run({ observations }) {
    const toApp = latest(observations, 'okta-to-app');
    const signOn = latest(observations, 'okta-sign-on');
    const primary = primaryEmailSource(toApp);
    const username = usernameSource(signOn);
    const hint = (explanation: string, fix: string) => ({
      findings: [
        {
          code: 'email-unchecked',
          severity: 'info' as const,
          step: 'email-username-format' as const,
          title: 'Email attributes not compared yet',
          explanation,
          fix,
        },
      ],
    });
    // One side seen, the other never opened: say where to look, claim nothing.
    if (toApp && !signOn && (primary.kind === 'attribute' || primary.kind === 'expression'))
      return hint(
        `Primary email is mapped from ${describeSource(primary)}. The assistant has not seen the Sign On tab yet, so it cannot tell whether single sign-on uses the same attribute.`,
        'Open the Sign On tab of the app so the assistant can compare the two.',
      );
    if (signOn && !toApp && username.kind !== 'unknown' && username.kind !== 'prefix')
      return hint(
        `Application username format is ${FORMAT_LABELS[signOn.usernameFormat]}. The assistant has not seen the attribute mappings yet, so it cannot tell whether provisioning uses the same attribute.`,
        'Open Provisioning › To App so the assistant can read what Primary email is mapped from.',
      );
    const verdict = compareSources(primary, username);
    if (verdict === 'different' && signOn)
      return {
        findings: [
          {
            code: 'email-mismatch',
            severity: 'problem',
            step: 'email-username-format',
            title: 'Sign-in and provisioning use different email attributes',
            explanation: `Provisioning sends ${describeSource(primary)} as the Primary email, while single sign-on sends ${describeSource(username)} (Application username format: ${FORMAT_LABELS[signOn.usernameFormat]}). For anyone whose two values differ, Atlassian sees two people and creates a second account.`,
            fix: `On the Sign On tab choose Edit and set Application username format to the attribute behind Primary email (${describeSource(primary)}), save, then use Update Now.`,
          },
        ],
      };
    if (verdict === 'undecided')
      return hint(
        `Primary email is mapped from ${describeSource(primary)} and the username from ${describeSource(username)}. The assistant cannot tell whether these always give the same address.`,
        'Check by hand that both end up as the same email address for every person, or use the same plain attribute on both sides.',
      );
    return {};
  },
};

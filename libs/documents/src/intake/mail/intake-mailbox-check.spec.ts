import { describeImapError } from './intake-mailbox-check.service';

describe('describeImapError', () => {
  it('says what the server or the socket said, with its code once', () => {
    expect(describeImapError(Object.assign(new Error('Command failed'), { authenticationFailed: true, responseText: 'Authentication failed.' }))).toBe(
      'login failed: Authentication failed.',
    );
    expect(describeImapError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }))).toBe('connect ECONNREFUSED 127.0.0.1:1');
    expect(describeImapError(Object.assign(new Error('Command failed'), { responseText: "Mailbox doesn't exist: Khac", code: 'NotFound' }))).toBe(
      "Command failed: Mailbox doesn't exist: Khac (NotFound)",
    );
    expect(describeImapError('plain')).toBe('plain');
  });
});

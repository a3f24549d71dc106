// Amounts typed on the pages, read in the reader's locale: every way people write twelve thousand reads
// right, and what could be twelve or twelve thousand is refused with both readings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAmount, readNumber } from '../../www/amount.js';

const read = (text, locale, currency = 'EUR') => {
  const r = readAmount(text, { locale, currency });
  return r.value ?? `${r.code}: ${r.error}`;
};

test('twelve thousand, as people write it in English, German, French, Swiss and Indian locales', () => {
  for (const [text, locale] of [
    ['12000', 'en-US'], ['12,000', 'en-US'], ['12 000', 'en-US'], ['12,000.00', 'en-GB'], ['€12,000', 'en-IE'],
    ['12000 EUR', 'en-US'], ['12.000', 'de-DE'], ['12.000,00', 'de-DE'], ['12 000', 'fr-FR'], ['12\u202f000', 'fr-FR'],
    ['12’000', 'de-CH'], ['12\'000.00', 'de-CH'], ['12,000', 'en-IN'], ['012000', 'en-US'],
  ]) assert.equal(read(text, locale), '12000', `${text} in ${locale}`);
  assert.equal(read('12,000.50', 'en-US'), '12000.5');
  assert.equal(read('12.000,50', 'de-DE'), '12000.5');
  // Two signs leave no doubt, whoever reads them.
  assert.equal(read('12.000,50', 'en-US'), '12000.5');
  assert.equal(read('12,000.50', 'de-DE'), '12000.5');
  assert.equal(read('1,234,567.89', 'en-US'), '1234567.89');
  assert.equal(read('1.234.567', 'en-US'), '1234567');
  assert.equal(read('12,34,567', 'en-IN'), '1234567');
});

test('decimals that can only be decimals', () => {
  assert.equal(read('12,5', 'en-US'), '12.5');
  assert.equal(read('12.50', 'de-DE'), '12.5');
  assert.equal(read('0,500', 'en-US'), '0.5');
  assert.equal(read('1234,567', 'en-US'), '1234.567');
  assert.equal(read('0', 'en-US'), '0');
});

test('twelve or twelve thousand: refused with both readings, in the reader’s own notation', () => {
  assert.equal(read('12,000', 'de-DE'), 'ambiguous: “12,000” could be 12.000 or 12: write 12.000 or 12 to say which.');
  assert.equal(read('12.000', 'en-US'), 'ambiguous: “12.000” could be 12,000 or 12: write 12,000 or 12 to say which.');
  assert.equal(read('1.500', 'en-GB'), 'ambiguous: “1.500” could be 1,500 or 1.5: write 1,500 or 1.5 to say which.');
  // The suggestions read back without doubt.
  assert.equal(read('12.000', 'de-DE'), '12000');
  assert.equal(read('1.5', 'en-GB'), '1.5');
});

test('what is not an amount says so', () => {
  assert.match(read('', 'en-US'), /^empty/);
  assert.match(read('   ', 'en-US'), /^empty/);
  assert.match(read('abc', 'en-US'), /^not_a_number: “abc” is not a number: write it with digits, such as 12,000 or 12,000\.5\./);
  assert.match(read('1e309', 'en-US'), /^not_a_number/);
  assert.match(read('-3', 'en-US'), /^negative: “-3” is below zero/);
  assert.match(read('<b>1</b>', 'en-US'), /^not_a_number/);
  assert.match(read('1,2.3,4', 'en-US'), /^not_a_number: .* mixes/);
  assert.match(read('12,00,0', 'en-US'), /^not_a_number: .* wrong places/);
  assert.match(read('1.0000001', 'en-US'), /^too_many_decimals/);
  assert.match(read('12 000 ', 'en-US'), /^12000$/);
});

test('other numbers: a negative is allowed only when asked for', () => {
  assert.equal(readNumber('-1,5', { locale: 'de-DE', negative: true }).value, '-1.5');
  assert.equal(readNumber('2,5', { locale: 'en-US', decimals: 1 }).value, '2.5');
  assert.equal(readNumber('2,55', { locale: 'en-US', decimals: 1 }).code, 'too_many_decimals');
});

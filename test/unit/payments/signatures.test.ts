import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeLiqpayData, encodeLiqpayData, isLiqpaySignatureValid, liqpaySignature } from '../../../server/payments/liqpay/signature.js';
import { isMonobankSignatureValid, monobankPublicKey, signMonobankBody } from '../../../server/payments/monobank/signature.js';

describe('LiqPay signature', () => {
  // The example in LiqPay's documentation ("Forming data and signature"): its json_string, private key, data and signature.
  const privateKey = 'a4825234f4bae72a0be04eafe9e8e2bada209255';
  const publishedData =
    'eyJwdWJsaWNfa2V5IjoiaTAwMDAwMDAwIiwidmVyc2lvbiI6IjMiLCJhY3Rpb24iOiJwYXkiLCJhbW91bnQiOiIzIiwiY3VycmVuY3kiOiJVQUgiLCJkZXNjcmlwdGlvbiI6InRlc3QiLCJvcmRlcl9pZCI6IjAwMDAwMSJ9';
  const publishedSignature = 'wR+UZDC4jjeL/qUOvIsofIWpZh8=';

  it('encodes the documented request into the documented data', () => {
    const data = encodeLiqpayData({ public_key: 'i00000000', version: '3', action: 'pay', amount: '3', currency: 'UAH', description: 'test', order_id: '000001' });
    expect(data).toBe(publishedData);
    expect(decodeLiqpayData(data)).toMatchObject({ order_id: '000001', amount: '3' });
  });

  it('signs the documented data with the documented signature', () => {
    expect(liqpaySignature(privateKey, publishedData)).toBe(publishedSignature);
    expect(isLiqpaySignatureValid(privateKey, publishedData, publishedSignature)).toBe(true);
  });

  it('refuses a signature made with another key, over changed data, or empty', () => {
    expect(isLiqpaySignatureValid('another-private-key', publishedData, publishedSignature)).toBe(false);
    const changed = encodeLiqpayData({ ...decodeLiqpayData(publishedData), amount: '300' });
    expect(isLiqpaySignatureValid(privateKey, changed, publishedSignature)).toBe(false);
    expect(isLiqpaySignatureValid(privateKey, publishedData, '')).toBe(false);
  });

  it('reads only base64 of a JSON object as data', () => {
    expect(decodeLiqpayData(Buffer.from('[1,2]').toString('base64'))).toBeNull();
    expect(decodeLiqpayData('not base64 json')).toBeNull();
  });
});

describe('monobank X-Sign', () => {
  // The example in monobank's acquiring documentation ("Webhook signature verification"): its public key, X-Sign and body.
  const publishedKey =
    'LS0tLS1CRUdJTiBQVUJMSUMgS0VZLS0tLS0KTUZrd0V3WUhLb1pJemowQ0FRWUlLb1pJemowREFRY0RRZ0FFQUc1LzZ3NnZubGJZb0ZmRHlYWE4vS29CbVVjTgo3NWJSUWg4MFBhaEdldnJoanFCQnI3OXNSS0JSbnpHODFUZVQ5OEFOakU1c0R3RmZ5Znhub0ZJcmZBPT0KLS0tLS1FTkQgUFVCTElDIEtFWS0tLS0tCg==';
  const publishedXSign = 'MEUCIQC/mVKhi8FKoayul2Mim3E2oaIOCNJk5dEXxTqbkeJSOQIgOM0hsW0qcP2H8iXy1aQYpmY0SJWEaWur7nQXlKDCFxA=';
  const publishedBody = `{
  "invoiceId": "p2_9ZgpZVsl3",
  "status": "created",
  "failureReason": "string",
  "amount": 4200,
  "ccy": 980,
  "finalAmount": 4200,
  "createdDate": "2019-08-24T14:15:22Z",
  "modifiedDate": "2019-08-24T14:15:22Z",
  "reference": "84d0070ee4e44667b31371d8f8813947",
  "cancelList": [
    {
      "status": "processing",
      "amount": 4200,
      "ccy": 980,
      "createdDate": "2019-08-24T14:15:22Z",
      "modifiedDate": "2019-08-24T14:15:22Z",
      "approvalCode": "662476",
      "rrn": "060189181768",
      "extRef": "635ace02599849e981b2cd7a65f417fe"
    }
  ]
}`;

  it('verifies the documented webhook with the documented key', () => {
    const key = monobankPublicKey(publishedKey);
    expect(key).not.toBeNull();
    expect(isMonobankSignatureValid(key!, Buffer.from(publishedBody), publishedXSign)).toBe(true);
  });

  it('refuses the documented signature over a body changed by one character or re-serialized', () => {
    const key = monobankPublicKey(publishedKey)!;
    expect(isMonobankSignatureValid(key, Buffer.from(publishedBody.replace('"amount": 4200', '"amount": 4201')), publishedXSign)).toBe(false);
    // The signature covers the raw bytes: the same JSON without its whitespace is another body.
    expect(isMonobankSignatureValid(key, Buffer.from(JSON.stringify(JSON.parse(publishedBody))), publishedXSign)).toBe(false);
    expect(isMonobankSignatureValid(key, Buffer.from(publishedBody), 'not base64!')).toBe(false);
  });

  it('verifies what a P-256 key pair signs, and refuses another pair’s signature', () => {
    const ours = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const theirs = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const served = Buffer.from(ours.publicKey.export({ type: 'spki', format: 'pem' })).toString('base64');
    const key = monobankPublicKey(served)!;
    const body = Buffer.from('{"invoiceId":"p2_x","status":"success"}');
    expect(isMonobankSignatureValid(key, body, signMonobankBody(ours.privateKey, body))).toBe(true);
    expect(isMonobankSignatureValid(key, body, signMonobankBody(theirs.privateKey, body))).toBe(false);
  });

  it('reads no key from what is not a base64 EC public key', () => {
    expect(monobankPublicKey('bm90IGEga2V5')).toBeNull();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(monobankPublicKey(Buffer.from(rsa.publicKey.export({ type: 'spki', format: 'pem' })).toString('base64'))).toBeNull();
  });
});

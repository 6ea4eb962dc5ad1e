import { describe, expect, it } from 'vitest';
import { remediesWords } from './remediesWords';

describe('remediesWords', () => {
  it("states the statutes' periods before the bodies the matter names, with their address and phone", () => {
    expect(
      remediesWords({
        reconsideration: { body: '云溪县人民政府', address: '云溪县府前路1号', phone: '0743-1234567' },
        litigation: { body: '云溪县人民法院', address: '云溪县法院路2号' },
      }),
    ).toEqual([
      '如不服本决定，可以自收到本决定书之日起六十日内向云溪县人民政府申请行政复议（地址：云溪县府前路1号，电话：0743-1234567）；',
      '或者自收到本决定书之日起六个月内向云溪县人民法院提起行政诉讼（地址：云溪县法院路2号）。',
    ]);
  });

  it("uses the law's general bodies where the matter names none", () => {
    expect(remediesWords(undefined)).toEqual([
      '如不服本决定，可以自收到本决定书之日起六十日内向本机关的上一级行政机关或者本级人民政府申请行政复议；',
      '或者自收到本决定书之日起六个月内向有管辖权的人民法院提起行政诉讼。',
    ]);
  });
});

import { definePlugin } from '@matterflow/plugin-sdk';
import type { Form } from '../forms';

/** 国家发展改革委 财政部《关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）. */
const BASIS = '国家发展改革委 财政部《关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）';

/** 登记费 per 件, in 分: 住宅 80 元 (车库、车位 the same), 非住宅 550 元, each including the first certificate. */
const REGISTRATION_FEN: Record<Form['propertyUse'], number> = { 住宅: 8000, 车库车位: 8000, 非住宅: 55000 };
const ITEM: Record<Form['propertyUse'], string> = {
  住宅: '不动产登记费（住宅类）',
  车库车位: '不动产登记费（车库、车位）',
  非住宅: '不动产登记费（非住宅类）',
};
/** 工本费: 10 元 for each certificate beyond the first. */
const EXTRA_CERTIFICATE_FEN = 1000;

export const plugin = definePlugin<Form>({
  hooks: {
    computeFees({ form }) {
      const lines = [];
      // 小微企业（含个体工商户）are exempt from the registration fee, not from the certificate fee.
      if (!form.isSmallMicroEnterprise)
        lines.push({ item: ITEM[form.propertyUse], amountFen: REGISTRATION_FEN[form.propertyUse], quantity: 1, basis: BASIS });
      const extra = form.certificateCount - 1;
      if (extra > 0)
        lines.push({ item: '不动产权属证书工本费', amountFen: EXTRA_CERTIFICATE_FEN, quantity: extra, basis: BASIS });
      return form.isSmallMicroEnterprise ? { lines, note: '权利人为小微企业（含个体工商户），免收不动产登记费' } : { lines };
    },
  },
});

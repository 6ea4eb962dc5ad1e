// Generated from the target matters' form schemas (npm run plugin -- types). Do not edit: the upload check regenerates it.

/**
 * 不动产转移登记申请
 */
export type Form_11439901006010058A0007100200031 = {
  /**
   * 转让方（义务人）姓名或名称
   */
  transferorName: string;
  /**
   * 转让方证件号码
   */
  transferorIdNumber: string;
  /**
   * 受让方（权利人）姓名或名称
   */
  transfereeName: string;
  /**
   * 受让方证件号码
   */
  transfereeIdNumber: string;
  /**
   * 联系电话
   */
  phone: string;
  /**
   * 不动产坐落
   */
  propertyLocation: string;
  /**
   * 原不动产权证书号
   */
  certificateNumber: string;
  /**
   * 不动产类型
   */
  propertyUse: "住宅" | "非住宅" | "车库车位";
  /**
   * 转移原因
   */
  transferReason: "买卖" | "赠与" | "继承" | "受遗赠" | "互换" | "其他";
  /**
   * 申领证书本数
   */
  certificateCount: number;
  /**
   * 权利人是否为小微企业（含个体工商户）
   */
  isSmallMicroEnterprise: boolean;
  /**
   * 是否委托代理人办理
   */
  byAgent: boolean;
  /**
   * 代理人姓名
   */
  agentName?: string;
  /**
   * 代理人身份证号码
   */
  agentIdNumber?: string;
};

export type Form = Form_11439901006010058A0007100200031;

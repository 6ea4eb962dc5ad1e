// Generated from the target matters' form schemas (npm run plugin -- types). Do not edit: the upload check regenerates it.

/**
 * 食品经营许可申请
 */
export type Form_11439901006010015W0001310240001 = {
  /**
   * 经营者名称
   */
  enterpriseName: string;
  /**
   * 统一社会信用代码
   */
  uscc: string;
  /**
   * 法定代表人（负责人）
   */
  legalRepName: string;
  /**
   * 联系电话
   */
  phone: string;
  /**
   * 经营场所
   */
  premisesAddress: string;
  /**
   * 主体业态
   */
  businessFormat: "食品销售经营者" | "餐饮服务经营者" | "单位食堂";
  /**
   * 经营项目
   *
   * @minItems 1
   */
  businessItems: (
    | "散装食品销售"
    | "特殊食品销售"
    | "热食类食品制售"
    | "冷食类食品制售"
    | "生食类食品制售"
    | "半成品制售"
    | "自制饮品制售"
  )[];
  /**
   * 食品安全管理人员姓名
   */
  safetyManagerName: string;
  /**
   * 食品安全管理人员身份证号码
   */
  safetyManagerIdNumber: string;
  /**
   * 经营场所面积（平方米）
   */
  premisesArea?: number;
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

export type Form = Form_11439901006010015W0001310240001;

// Generated from the target matters' form schemas (npm run plugin -- types). Do not edit: the upload check regenerates it.

/**
 * 道路旅客运输经营许可申请
 */
export type Form_1143990100601007400001130020001 = {
  /**
   * 企业名称
   */
  enterpriseName: string;
  /**
   * 统一社会信用代码
   */
  uscc: string;
  /**
   * 法定代表人
   */
  legalRepName: string;
  /**
   * 联系电话
   */
  phone: string;
  /**
   * 申请经营类型
   */
  businessType: "班车客运" | "包车客运" | "旅游客运";
  /**
   * 申请线路（班车客运填写）
   */
  lineRoute?: string;
  /**
   * 拟投入车辆数（辆）
   */
  vehicleCount: number;
  /**
   * 驾驶人员数
   */
  driverCount: number;
};

export type Form = Form_1143990100601007400001130020001;

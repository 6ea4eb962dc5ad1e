// Generated from the target matters' form schemas (npm run plugin -- types). Do not edit: the upload check regenerates it.

/**
 * 建筑工程施工许可申请
 */
export interface Form_1143990100601006650001120080001 {
  /**
   * 工程名称
   */
  projectName: string;
  /**
   * 建设单位
   */
  constructionUnit: string;
  /**
   * 建设单位统一社会信用代码
   */
  uscc: string;
  /**
   * 联系电话
   */
  phone: string;
  /**
   * 建设地址
   */
  projectAddress: string;
  /**
   * 合同价格（万元）
   */
  contractPrice: number;
  /**
   * 建筑面积（平方米）
   */
  floorArea: number;
  /**
   * 施工总承包单位
   */
  contractorName: string;
  /**
   * 施工总承包单位统一社会信用代码
   */
  contractorUscc: string;
  /**
   * 建设工程规划许可证编号
   */
  planningPermitNumber: string;
  /**
   * 是否需要拆迁
   */
  needsDemolition: boolean;
  /**
   * 计划开工日期
   */
  plannedStartDate?: string;
}

export type Form = Form_1143990100601006650001120080001;

"""A made-up table whose header the reader cannot recognise (issue 11, the admin steers): two quarters of it."""

Q1 = """2024年一季度街道民生项目推进情况
编号 | 事项 | 负责科室 | 最新动态
1 | 新建社区食堂3家 | 区民政局 | 已建成2家，1家正在装修
2 | 改造老旧小区5个 | 区建设局 | 已开工4个
3 | 新增停车泊位200个 | 区城管局 | 已新增150个
"""
Q2 = Q1.replace("一季度", "二季度").replace("已开工4个", "已全部开工").replace("已新增150个", "已新增210个")
ROLES = ["seq", "content", "lead", "progress"]

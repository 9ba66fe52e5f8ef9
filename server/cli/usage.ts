// Each sub-command's usage line, apart from its code: `kexiao --help` lists them all without loading any command.
export const USAGE = {
  score: 'kexiao score FILE|- [FILE…] [--json]    按评价办法计算自评结果（- 表示从标准输入读取）',
  precheck: 'kexiao precheck FILE|- [--docs 报表…] [--json]  预审：核对报表与填写数据，列出问题、差距并给出解释',
  extract: 'kexiao extract FILE… [--json]            从资产负债表、利润表、A107012、职工人数统计表（PDF/扫描件/照片）读取数字',
  serve: 'kexiao serve [--port N] [--host H]    启动服务（默认 127.0.0.1:3000，可用 PORT、HOST 设置）',
  remind: 'kexiao remind [--dry-run] [--at 2026-08-24T09:30+08:00] [--json]    发送到期的截止提醒（--dry-run 只列出）',
  batch:
    'kexiao batch 表格.xlsx|.csv|.jsonl [--docs 报表文件夹] --out 结果.xlsx|.csv [--reports 报告.zip]  批量预审；kexiao batch --template 模板.xlsx 生成填写模板',
  worker: 'kexiao worker [--concurrency N]    生产模式（设置 REDIS_URL）：从 Redis 队列领取并识别上传的报表，可在多台机器上运行',
  queue: 'kexiao queue [--json]    生产模式：查看识别队列（等待、进行中、失败）与文档状态',
} as const;

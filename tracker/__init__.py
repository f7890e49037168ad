"""进度看板: stores parsed progress reports and shows them to the public."""

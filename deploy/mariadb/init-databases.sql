-- Runs once, on an empty MariaDB data directory (docker-entrypoint-initdb.d). Each subgraph owns
-- its own database (it never reads another's tables); migrations create the tables, not the
-- databases. The application user (MARIADB_USER, created by the image before this script) gets
-- those four databases and nothing else.
CREATE DATABASE IF NOT EXISTS kyodo_spaces CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS kyodo_licensing CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS kyodo_cards CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS kyodo_support CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
GRANT ALL PRIVILEGES ON kyodo_spaces.* TO 'kyodo'@'%';
GRANT ALL PRIVILEGES ON kyodo_licensing.* TO 'kyodo'@'%';
GRANT ALL PRIVILEGES ON kyodo_cards.* TO 'kyodo'@'%';
GRANT ALL PRIVILEGES ON kyodo_support.* TO 'kyodo'@'%';
FLUSH PRIVILEGES;

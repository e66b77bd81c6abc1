-- Every data line of every raw file is a staged row, a folded duplicate or a reject:
-- landing.load_log.data_lines = staged rows + sum(duplicate_lines) + rows_rejected.
-- Returns the files that do not balance (and any file staged but not logged, or logged but not staged).

with

{{ soscare_staging_imports(soscare_staging_files().keys()) }}

load_log as (
    select * from {{ source('landing', 'load_log') }}
),

staged as (
    {{ soscare_staged_line_counts(soscare_staging_files()) }}
),

final as (
    select
        load_log.data_lines,
        staged.staged_rows,
        staged.folded_lines,
        load_log.rows_rejected,
        coalesce(load_log.module, staged.module) as module
    from load_log
    full outer join staged
        on load_log.module = staged.module
    where
        load_log.module is null
        or staged.module is null
        or load_log.data_lines <> staged.staged_rows + staged.folded_lines + load_log.rows_rejected
)

select * from final

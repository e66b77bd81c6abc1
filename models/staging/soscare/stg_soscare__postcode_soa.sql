with

source as (
    select * from {{ source('soscare', 'postcode_soa') }}
),

deduplicated as (
    {{ fold_duplicate_lines('source', [
        'postcode',
        'soa_code'
    ]) }}
),

cleaned as (
    select
        {{ record_columns('postcode_soa') }},
        {{ normalise_postcode('postcode') }} as postcode,
        {{ clean_upper('soa_code') }} as soa_code
    from deduplicated
),

by_postcode as (
    -- lines that differ only in the case or spacing of the postcode are one postcode
    select
        *,
        row_number() over (partition by postcode order by line_no) as postcode_line_rank,
        sum(duplicate_lines + 1) over (partition by postcode) - 1 as postcode_duplicate_lines,
        min(soa_code) over (partition by postcode) as first_soa_code,
        max(soa_code) over (partition by postcode) as last_soa_code
    from cleaned
),

final as (
    select
        record_id,
        module,
        line_no,
        cast(postcode_duplicate_lines as integer) as duplicate_lines,
        postcode,
        soa_code,
        first_soa_code <> last_soa_code as has_conflicting_soa
    from by_postcode
    where postcode_line_rank = 1
)

select * from final

with

source as (
    select * from {{ source('soscare', 'soa_deprivation') }}
),

code_trust as (
    select * from {{ ref('code_trust') }}
),

deduplicated as (
    {{ fold_duplicate_lines('source', [
        'soa_code',
        'soa_name',
        'lgd_name',
        'trust',
        'mdm_rank'
    ]) }}
),

cleaned as (
    select
        {{ record_columns('soa_deprivation') }},
        {{ clean_upper('soa_code') }} as soa_code,
        {{ clean_text('soa_name') }} as soa_name,
        {{ clean_text('lgd_name') }} as lgd_name,
        {{ code_columns('trust') }},
        {{ integer_columns('mdm_rank', 1) }}
    from deduplicated
    {{ join_code_list('trust', 'code_trust') }}
),

counted as (
    -- N, the number of ranked areas: decile d holds ranks in ((d-1)N/10, dN/10]
    select
        *,
        count(mdm_rank) over () as ranked_areas
    from cleaned
),

final as (
    select
        record_id,
        module,
        line_no,
        duplicate_lines,
        soa_code,
        soa_name,
        lgd_name,
        trust,
        trust_raw,
        mdm_rank,
        mdm_rank_issue,
        cast(ceil(mdm_rank * 10.0 / ranked_areas) as integer) as deprivation_decile,
        cast(ceil(mdm_rank * 5.0 / ranked_areas) as integer) as deprivation_quintile
    from counted
)

select * from final

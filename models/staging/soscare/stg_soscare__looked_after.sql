with

source as (
    select * from {{ source('soscare', 'looked_after') }}
),

code_trust as (
    select * from {{ ref('code_trust') }}
),

code_reason_in_care as (
    select * from {{ ref('code_reason_in_care') }}
),

code_legal_status as (
    select * from {{ ref('code_legal_status') }}
),

code_placement_type as (
    select * from {{ ref('code_placement_type') }}
),

code_discharge_reason as (
    select * from {{ ref('code_discharge_reason') }}
),

code_discharged_to as (
    select * from {{ ref('code_discharged_to') }}
),

deduplicated as (
    {{ fold_duplicate_lines('source', [
        'hcn',
        'soscare_id',
        'team',
        'trust',
        'seq_no',
        'carer_code',
        'episode_start_date',
        'reason_in_care',
        'legal_status',
        'placement_type',
        'discharge_date',
        'discharge_reason',
        'discharged_to',
        'placement_moves'
    ]) }}
),

hcn_dictionary as (
    {{ hcn_dictionary('deduplicated', 'hcn') }}
),

date_dictionary as (
    {{ date_dictionary('deduplicated', [
        'episode_start_date',
        'discharge_date'
    ]) }}
),

cleaned as (
    select
        {{ record_columns('looked_after') }},
        {{ hcn_columns() }},
        {{ clean_text('soscare_id') }} as soscare_id,
        {{ clean_upper('team') }} as team,
        {{ code_columns('trust') }},
        {{ integer_columns('seq_no') }},
        {{ clean_text('carer_code') }} as carer_code,
        {{ date_columns('episode_start_date') }},
        {{ code_columns('reason_in_care') }},
        {{ code_columns('legal_status') }},
        {{ code_columns('placement_type') }},
        {{ date_columns('discharge_date') }},
        {{ code_columns('discharge_reason') }},
        {{ code_columns('discharged_to') }},
        {{ integer_columns('placement_moves', 0, none) }}
    from deduplicated
    {{ join_hcn_dictionary('hcn') }}
    {{ join_code_list('trust', 'code_trust') }}
    {{ join_date_dictionary('episode_start_date') }}
    {{ join_code_list('reason_in_care', 'code_reason_in_care') }}
    {{ join_code_list('legal_status', 'code_legal_status') }}
    {{ join_code_list('placement_type', 'code_placement_type') }}
    {{ join_date_dictionary('discharge_date') }}
    {{ join_code_list('discharge_reason', 'code_discharge_reason') }}
    {{ join_code_list('discharged_to', 'code_discharged_to') }}
),

final as (
    select
        *,
        episode_start_date as record_date
    from cleaned
)

select * from final

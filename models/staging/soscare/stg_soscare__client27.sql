with

source as (
    select * from {{ source('soscare', 'client27') }}
),

code_reason_in_care as (
    select * from {{ ref('code_reason_in_care') }}
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
        'seq_no',
        'care_entry_date',
        'reason_in_care',
        'discharge_date',
        'discharge_reason',
        'discharged_to'
    ]) }}
),

hcn_dictionary as (
    {{ hcn_dictionary('deduplicated', 'hcn') }}
),

date_dictionary as (
    {{ date_dictionary('deduplicated', [
        'care_entry_date',
        'discharge_date'
    ]) }}
),

cleaned as (
    select
        {{ record_columns('client27') }},
        {{ hcn_columns() }},
        {{ clean_text('soscare_id') }} as soscare_id,
        {{ clean_upper('team') }} as team,
        {{ integer_columns('seq_no') }},
        {{ date_columns('care_entry_date') }},
        {{ code_columns('reason_in_care') }},
        {{ date_columns('discharge_date') }},
        {{ code_columns('discharge_reason') }},
        {{ code_columns('discharged_to') }}
    from deduplicated
    {{ join_hcn_dictionary('hcn') }}
    {{ join_date_dictionary('care_entry_date') }}
    {{ join_code_list('reason_in_care', 'code_reason_in_care') }}
    {{ join_date_dictionary('discharge_date') }}
    {{ join_code_list('discharge_reason', 'code_discharge_reason') }}
    {{ join_code_list('discharged_to', 'code_discharged_to') }}
),

final as (
    select
        *,
        care_entry_date as record_date
    from cleaned
)

select * from final

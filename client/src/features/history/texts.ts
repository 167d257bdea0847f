import type { Language } from '../../i18n/index.js';

/** The history screen's words, loaded with the screen rather than with the first one. */
const en = {
  title: 'Where the money went',
  tableCaption: 'What each month cost',
  monthColumn: 'Month',
  spentColumn: 'Spent',
  monthTitle: (month: string) => `${month}: what it cost`,
  nothingCharged: 'Nothing was charged this month.',
  chargesTitle: 'Charges',
  monthPaymentsTitle: 'Payments this month',
  noMonthPayments: 'No payments this month.',
  allPayments: 'All payments',
  chargesUnavailable:
    'Your provider’s billing does not list charges, so the cabinet cannot show where the money went. Your payments are below; for the charges, ask your provider.',
  noChargesThisYear: 'Your provider’s billing lists no charges for the last twelve months: nothing was written off your account.',
  invoicesTitle: 'Invoices',
  noInvoices: 'Your provider has issued you no invoices in the last year.',
  invoiceNumber: (number: string) => `Invoice ${number}`,
  invoiceUnnumbered: 'Invoice',
  invoicePeriodEnd: (date: string) => `for the period up to ${date}`,
  invoiceQuantity: (quantity: string) => `quantity: ${quantity}`,
  invoiceNoLines: 'The billing does not itemize this invoice.',
  kinds: { TARIFF: 'Tariff', SERVICE: 'Service', PROMISE_PAY: 'Promised payment', OTHER: 'Other charge' },
};

export type HistoryTexts = typeof en;

const uk: HistoryTexts = {
  title: 'Куди пішли гроші',
  tableCaption: 'Скільки коштував кожен місяць',
  monthColumn: 'Місяць',
  spentColumn: 'Списано',
  monthTitle: (month) => `${month}: на що списано`,
  nothingCharged: 'Цього місяця нічого не списано.',
  chargesTitle: 'Списання',
  monthPaymentsTitle: 'Платежі цього місяця',
  noMonthPayments: 'Цього місяця платежів не було.',
  allPayments: 'Усі платежі',
  chargesUnavailable:
    'Білінг вашого провайдера не показує списань, тож кабінет не може показати, куди пішли гроші. Нижче ваші платежі; про списання запитайте провайдера.',
  noChargesThisYear: 'Білінг вашого провайдера не показує списань за останні дванадцять місяців: з вашого рахунку нічого не списували.',
  invoicesTitle: 'Рахунки',
  noInvoices: 'За останній рік провайдер не виставляв вам рахунків.',
  invoiceNumber: (number) => `Рахунок № ${number}`,
  invoiceUnnumbered: 'Рахунок',
  invoicePeriodEnd: (date) => `за період до ${date}`,
  invoiceQuantity: (quantity) => `кількість: ${quantity}`,
  invoiceNoLines: 'Білінг не розписує цей рахунок по позиціях.',
  kinds: { TARIFF: 'Тариф', SERVICE: 'Послуга', PROMISE_PAY: 'Обіцяний платіж', OTHER: 'Інше списання' },
};

const ru: HistoryTexts = {
  title: 'Куда ушли деньги',
  tableCaption: 'Сколько стоил каждый месяц',
  monthColumn: 'Месяц',
  spentColumn: 'Списано',
  monthTitle: (month) => `${month}: на что списано`,
  nothingCharged: 'В этом месяце ничего не списано.',
  chargesTitle: 'Списания',
  monthPaymentsTitle: 'Платежи этого месяца',
  noMonthPayments: 'В этом месяце платежей не было.',
  allPayments: 'Все платежи',
  chargesUnavailable:
    'Биллинг вашего провайдера не показывает списаний, поэтому кабинет не может показать, куда ушли деньги. Ниже ваши платежи; о списаниях спросите провайдера.',
  noChargesThisYear: 'Биллинг вашего провайдера не показывает списаний за последние двенадцать месяцев: с вашего счёта ничего не списывали.',
  invoicesTitle: 'Счета',
  noInvoices: 'За последний год провайдер не выставлял вам счетов.',
  invoiceNumber: (number) => `Счёт № ${number}`,
  invoiceUnnumbered: 'Счёт',
  invoicePeriodEnd: (date) => `за период до ${date}`,
  invoiceQuantity: (quantity) => `количество: ${quantity}`,
  invoiceNoLines: 'Биллинг не расписывает этот счёт по позициям.',
  kinds: { TARIFF: 'Тариф', SERVICE: 'Услуга', PROMISE_PAY: 'Обещанный платёж', OTHER: 'Другое списание' },
};

export const historyTexts: Record<Language, HistoryTexts> = { uk, ru, en };
